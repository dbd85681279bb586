// Runner for the Restricted Mode suite (workspace trust on, workspace not trusted). Same contract as
// ../suite/index.ts, whose run() it reuses: bundled into this folder, its `__dirname` finds the
// *.test.js here. Under tools/vscode-host --untrusted it first waits until the harness has seen the
// workbench show Restricted Mode (banner and status bar entry; $VSX_RESTRICTED_MODE_FILE), so the tests
// start in the state the user sees.
import * as fs from 'node:fs';

import { run as runSuite } from '../suite/index';

const indicatorWaitMs = 90_000;

async function restrictedModeShown(file: string): Promise<void> {
  const deadline = Date.now() + indicatorWaitMs;
  while (!fs.existsSync(file)) {
    if (Date.now() > deadline) {
      throw new Error(`the workbench did not show Restricted Mode within ${indicatorWaitMs / 1000} s (${file})`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export async function run(): Promise<void> {
  const indicatorFile = process.env.VSX_RESTRICTED_MODE_FILE;
  if (indicatorFile) await restrictedModeShown(indicatorFile);
  await runSuite();
}
