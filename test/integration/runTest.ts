// `npm run test:electron`: the same extension-host suite in desktop VS Code via @vscode/test-electron.
// Needs internet (it downloads VS Code) and, on Linux without a display, xvfb-run. CI here uses
// tools/vscode-host/run-ext-tests.sh instead (code-server, offline). VSCODE_VERSION overrides the version.
import * as path from 'node:path';

import { runTests } from '@vscode/test-electron';

async function main(): Promise<void> {
  const root = path.resolve(__dirname, '..', '..', '..'); // out/test/integration → repository root
  await runTests({
    version: process.env.VSCODE_VERSION ?? '1.100.3',
    extensionDevelopmentPath: root,
    extensionTestsPath: path.join(root, 'out', 'test', 'integration', 'suite', 'index'),
    launchArgs: [path.join(root, 'test', 'fixtures', 'workspace'), '--disable-extensions', '--disable-workspace-trust'],
  });
}

main().catch((error: unknown) => {
  console.error('extension-host tests failed:', error);
  process.exit(1);
});
