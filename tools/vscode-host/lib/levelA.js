'use strict';
// Level A: the extension's mocha suite inside the real (remote, Node) extension host of VS Code 1.100.3.
// The workbench starts the test run itself from the `extensionTestsPath` in the URL payload, and reports
// the end through window.codeAutomationExit(code, logs).
const fs = require('node:fs');
const path = require('node:path');
const util = require('node:util');
const { startCodeServer } = require('./codeServer');
const { openBrowser, workbenchUrl, screenshotQuietly } = require('./workbench');
const { confirmRestrictedMode } = require('./restrictedMode');
const { log, withTimeout, ensureDir, seconds } = require('./util');

/**
 * `ext-host`, or `ext-host-untrusted` with --untrusted (workspace trust on, workspace not trusted);
 * VSX_LABEL_SUFFIX adds `-SUFFIX` (the run on the VS Code 1.90 floor is `ext-host-vscode-1.90`).
 */
const labelFor = (options) => `${options.untrusted ? 'ext-host-untrusted' : 'ext-host'}${process.env.VSX_LABEL_SUFFIX ? `-${process.env.VSX_LABEL_SUFFIX}` : ''}`;
/** Workbench chatter that reaches codeAutomationLog too; kept in the log file, not echoed to the console. */
const NOISE = /^(Resolv(ing|ed) connection token|Creating a socket|\[Service Worker\]|Ignoring fetching additional builtin|Updating additional builtin|ChatSessionStore|\[.*\] (Started|Stopped) (local|remote) extension host)/;

function saveWorkbenchLogs(artifacts, logs, label) {
  const dir = path.join(artifacts, `workbench-logs-${label}`);
  for (const file of logs || []) {
    const target = path.join(dir, file.relativePath);
    if (!target.startsWith(dir + path.sep)) continue;
    ensureDir(path.dirname(target));
    fs.writeFileSync(target, file.contents);
  }
}

/** Counts from the runner's result file, else from mocha's "N passing / N failing" lines. */
function readCounts(resultFile, output) {
  if (fs.existsSync(resultFile)) {
    const { passed = 0, failed = 0, pending = 0 } = JSON.parse(fs.readFileSync(resultFile, 'utf8'));
    return { passed, failed, pending };
  }
  const count = (re) => Number((re.exec(output) || [])[1] || 0);
  if (/\d+ passing/.test(output)) {
    return { passed: count(/(\d+) passing/), failed: count(/(\d+) failing/), pending: count(/(\d+) pending/) };
  }
  // The run never finished (timeout, crash): count the spec reporter's lines so far.
  const lines = (re) => output.split('\n').filter((l) => re.test(l)).length;
  return { passed: lines(/^\s*✔ /), failed: lines(/^\s+\d+\) /), pending: lines(/^\s+- /) };
}

function testsModule(testsPath) {
  const stat = fs.existsSync(testsPath) ? fs.statSync(testsPath) : null;
  if (!stat) throw new Error(`TESTS_PATH ${testsPath} does not exist (did the build run?)`);
  if (stat.isDirectory() && !fs.existsSync(path.join(testsPath, 'index.js'))) {
    throw new Error(`TESTS_PATH ${testsPath} has no index.js exporting run(): Promise<void>`);
  }
  return testsPath;
}

async function runLevelA(options) {
  const started = Date.now();
  const { artifacts } = options;
  const label = labelFor(options);
  const resultFile = path.join(artifacts, `${label}-result.json`);
  const trustFile = path.join(artifacts, `${label}-restricted-mode.json`);
  fs.rmSync(resultFile, { force: true });
  fs.rmSync(trustFile, { force: true });
  const testsPath = testsModule(options.testsPath);
  const outputLog = fs.createWriteStream(path.join(artifacts, `${label}-output.log`));
  let output = '';
  let finish;
  const finished = new Promise((resolve) => { finish = resolve; });
  const exposed = {
    codeAutomationLog: (type, args) => {
      const line = util.format(...(Array.isArray(args) ? args : [args]));
      output += `${line}\n`;
      outputLog.write(`${line}\n`);
      if (!NOISE.test(line)) process.stdout.write(`${line}\n`);
    },
    codeAutomationExit: (code, logs) => finish({ code, logs }),
  };
  const env = { VSX_TEST_RESULT_FILE: resultFile, VSX_ARTIFACTS: artifacts, VSX_GREP: options.grep || '' };
  if (options.untrusted) env.VSX_RESTRICTED_MODE_FILE = trustFile;
  const server = await startCodeServer({ ...options, label: label, env });
  let browser;
  let result;
  try {
    browser = await openBrowser({ ...options, label: label, exposed });
    const url = workbenchUrl(server, options.workspace, { extensionDevelopmentPath: options.extDir, extensionTestsPath: testsPath });
    browser.logLine(`[goto] ${url}`);
    await browser.page.goto(url, { waitUntil: 'domcontentloaded' });
    if (options.untrusted) {
      // In the background: the tests' runner waits for $VSX_RESTRICTED_MODE_FILE before it starts mocha.
      confirmRestrictedMode(browser.page, { resultFile: trustFile, timeoutMs: options.timeoutMs, logLine: browser.logLine })
        .then((r) => log(`${label}: workbench in Restricted Mode (status bar "${r.statusBar}") after ${r.ms} ms`))
        .catch((error) => log(`${label}: Restricted Mode not seen (${error.message.split('\n')[0]})`));
    }
    const crashed = server.exited.then(({ code, signal }) => { throw new Error(`code-server died (code ${code}, signal ${signal})`); });
    crashed.catch(() => undefined);
    const { code, logs } = await withTimeout(Promise.race([finished, crashed]), options.timeoutMs, 'extension-host tests');
    saveWorkbenchLogs(artifacts, logs, label);
    result = { code, ...readCounts(resultFile, output) };
  } catch (error) {
    log(`${label}: ${error.message}`);
    if (browser) await screenshotQuietly(browser.page, path.join(artifacts, 'screenshots', `FAILED-${label}.png`));
    result = { code: 1, error: error.message, ...readCounts(resultFile, output) };
  } finally {
    if (browser) await browser.close();
    await server.stop();
    outputLog.end();
  }
  return summarise(result, started, Boolean(options.grep), label);
}

/** With --grep, a level where nothing matched is fine; without, a run with no test is a failure. */
function summarise(result, started, filtered, label) {
  let { passed, failed } = result;
  const ok = result.code === 0 && failed === 0 && (passed > 0 || filtered);
  if (!ok && failed === 0) {
    failed = 1; // the run itself failed (load error, timeout, crash, or no test ran): count it
    if (!result.error) log(`${label}: run() ${passed === 0 ? 'ran no test' : `ended with code ${result.code}`}`);
  }
  const line = `${label}: ${passed} passed, ${failed} failed${result.pending ? `, ${result.pending} pending` : ''}  (${seconds(started)})`;
  return { label: label, ok, passed, failed, line };
}

module.exports = { runLevelA };
