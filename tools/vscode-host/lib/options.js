'use strict';
// Command-line options of run-ext-tests.sh / vsx-host.js.
const path = require('node:path');
const os = require('node:os');
const { parseArgs } = require('node:util');

const USAGE = `usage: run-ext-tests.sh EXT_DIR [TESTS_PATH] [options]
  EXT_DIR              the extension folder (with package.json)
  TESTS_PATH           level A: compiled module or folder with index.js exporting run(): Promise<void>
  --ui-tests DIR       level B: folder of compiled *.test.js run in Node with the global \`vsx\`
  --workspace DIR      folder opened in the workbench (default: EXT_DIR)
  --vsix FILE          level B: install this .vsix instead of loading EXT_DIR as a development extension
  --install-extension FILE
                       install this other .vsix beside the extension under test, for both levels (repeatable)
  --artifacts DIR      logs and screenshots (default: EXT_DIR/.vsx-test-output)
  --timeout SEC        per level (default 300)
  --grep TEXT          only tests whose full title matches (both levels)
  --chromium PATH      browser executable (default /usr/bin/chromium)
  --tools-dir DIR      where setup-vscode-host.sh installed code-server
  --headed             show the browser (needs a display)
  --untrusted          level A with workspace trust ON and the workspace not trusted (Restricted Mode;
                       no startup prompt); artifacts default to EXT_DIR/.vsx-test-output/untrusted
Exit: 0 all passed, 1 failures/timeout/crash, 2 usage error.`;

class UsageError extends Error {}

function parseOptions(argv) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      'ui-tests': { type: 'string' },
      workspace: { type: 'string' },
      vsix: { type: 'string' },
      'install-extension': { type: 'string', multiple: true, default: [] },
      artifacts: { type: 'string' },
      timeout: { type: 'string', default: '300' },
      grep: { type: 'string' },
      chromium: { type: 'string', default: '/usr/bin/chromium' },
      'tools-dir': { type: 'string', default: process.env.VSX_TOOLS_DIR || path.join(os.homedir(), '.cache/vsx-host-tools') },
      headed: { type: 'boolean', default: false },
      untrusted: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) throw new UsageError(USAGE);
  if (positionals.length < 1 || positionals.length > 2) throw new UsageError(USAGE);
  const timeoutSec = Number(values.timeout);
  if (!Number.isFinite(timeoutSec) || timeoutSec <= 0) throw new UsageError(`--timeout must be a positive number\n${USAGE}`);
  const extDir = path.resolve(positionals[0]);
  const abs = (p) => (p === undefined ? undefined : path.resolve(p));
  const options = {
    extDir,
    testsPath: abs(positionals[1]),
    uiTests: abs(values['ui-tests']),
    workspace: abs(values.workspace) || extDir,
    vsix: abs(values.vsix),
    installExtensions: values['install-extension'].map(abs),
    artifacts: abs(values.artifacts) || path.join(extDir, '.vsx-test-output', ...(values.untrusted ? ['untrusted'] : [])),
    timeoutMs: timeoutSec * 1000,
    grep: values.grep,
    chromium: values.chromium,
    toolsDir: path.resolve(values['tools-dir']),
    headed: values.headed,
    untrusted: values.untrusted,
  };
  if (options.untrusted && (options.uiTests || !options.testsPath)) throw new UsageError(`--untrusted runs level A only: give TESTS_PATH and no --ui-tests\n${USAGE}`);
  if (!options.testsPath && !options.uiTests) throw new UsageError(`nothing to run: give TESTS_PATH and/or --ui-tests\n${USAGE}`);
  return options;
}

module.exports = { parseOptions, UsageError, USAGE };
