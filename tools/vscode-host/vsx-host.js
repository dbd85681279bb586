#!/usr/bin/env node
'use strict';
// Runs a VS Code extension's tests in a real VS Code 1.100.3 (code-server + headless Chromium), offline.
//   level A: the mocha suite inside the extension host (TESTS_PATH);  level B: UI tests (--ui-tests).
// Prints one line per level and a closing `N passed, N failed`; exit 0 / 1 (failure) / 2 (usage).
// See tools/vscode-host/README.md.
const fs = require('node:fs');
const path = require('node:path');
const { parseOptions, UsageError } = require('./lib/options');
const { runLevelA } = require('./lib/levelA');
const { runLevelB } = require('./lib/levelB');
const { ensureDir, log } = require('./lib/util');
const { killAllNow } = require('./lib/codeServer');

async function main(argv) {
  let options;
  try {
    options = parseOptions(argv);
  } catch (error) {
    if (error instanceof UsageError || error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      process.stderr.write(`${error.message}\n`);
      return 2;
    }
    throw error;
  }
  ensureDir(options.artifacts);
  clearPreviousRun(options.artifacts);
  const results = [];
  if (options.testsPath) results.push(await runLevel(runLevelA, options, 'ext-host'));
  if (options.uiTests) results.push(await runLevel(runLevelB, options, 'ui'));
  for (const r of results) console.log(r.line);
  const passed = results.reduce((n, r) => n + r.passed, 0);
  const failed = results.reduce((n, r) => n + r.failed, 0);
  console.log(`artifacts: ${options.artifacts}`);
  console.log(`${passed} passed, ${failed} failed`);
  return results.every((r) => r.ok) ? 0 : 1;
}

/** Removes what an earlier run left in the artifacts folder (only the names this harness writes). */
function clearPreviousRun(artifacts) {
  for (const name of fs.readdirSync(artifacts)) {
    if (/^(screenshots|vscode-logs-.*|workbench-logs-.*|code-server-.*\.log|workbench-.*\.log|ext-host-.*)$/.test(name)) {
      fs.rmSync(path.join(artifacts, name), { recursive: true, force: true });
    }
  }
}

/** A level that throws (e.g. code-server cannot start) counts as one failure, and the next level still runs. */
async function runLevel(run, options, label) {
  try {
    return await run(options);
  } catch (error) {
    log(`${label}: ${error.stack || error.message}`);
    return { label, ok: false, passed: 0, failed: 1, line: `${label}: 0 passed, 1 failed (${error.message})` };
  }
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    log(`${signal}: killing code-server and exiting`);
    killAllNow();
    process.exit(130);
  });
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => { console.error(error); process.exit(1); },
);
