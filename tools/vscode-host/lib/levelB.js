'use strict';
// Level B: UI tests in plain Node (mocha, bdd) that drive the real workbench through Playwright, with a
// global `vsx` helper (see vsxHelpers.js). The extension is loaded from EXT_DIR, or installed from --vsix.
const path = require('node:path');
const { startCodeServer } = require('./codeServer');
const { openBrowser, workbenchUrl, waitForWorkbench, screenshotQuietly } = require('./workbench');
const { createVsx } = require('./vsxHelpers');
const { log, withTimeout, requireFrom, listFiles, seconds } = require('./util');

const LABEL = 'ui';

function createMocha(options, vsx) {
  const Mocha = requireFrom(options.extDir, 'mocha');
  const mocha = new Mocha({
    ui: 'bdd',
    reporter: 'spec',
    timeout: 60_000,
    grep: options.grep,
    rootHooks: {
      async afterEach() {
        const test = this.currentTest;
        if (test && test.state === 'failed') {
          const file = path.join(options.artifacts, 'screenshots', `FAILED-${test.fullTitle()}.png`.replace(/[^\w.-]+/g, '_'));
          await screenshotQuietly(vsx.page, file);
        }
      },
    },
  });
  return mocha;
}

/** Runs mocha on `files`, counting into `counts` as it goes (so a timeout still reports what ran). */
async function runMocha(mocha, files, counts) {
  for (const file of files) mocha.addFile(file);
  await mocha.loadFilesAsync();
  return new Promise((resolve) => {
    const runner = mocha.run(() => resolve(counts));
    runner.on('pass', () => counts.passed++);
    runner.on('fail', () => counts.failed++);
    runner.on('pending', () => counts.pending++);
  });
}

async function runLevelB(options) {
  const started = Date.now();
  const files = listFiles(options.uiTests, '.test.js');
  if (files.length === 0) {
    log(`${LABEL}: no *.test.js under ${options.uiTests}`);
    return { label: LABEL, ok: false, passed: 0, failed: 1, line: `${LABEL}: 0 passed, 1 failed (no UI tests found)` };
  }
  const server = await startCodeServer({ ...options, label: LABEL, env: { VSX_ARTIFACTS: options.artifacts } });
  let browser;
  const counts = { passed: 0, failed: 0, pending: 0 };
  let error;
  try {
    browser = await openBrowser({ ...options, label: LABEL });
    const dev = options.vsix ? {} : { extensionDevelopmentPath: options.extDir };
    await browser.page.goto(workbenchUrl(server, options.workspace, dev), { waitUntil: 'domcontentloaded' });
    await waitForWorkbench(browser.page);
    const vsx = createVsx({ page: browser.page, server, workspace: options.workspace, artifacts: options.artifacts });
    global.vsx = vsx;
    const crashed = server.exited.then(({ code, signal }) => { throw new Error(`code-server died (code ${code}, signal ${signal})`); });
    crashed.catch(() => undefined);
    await withTimeout(Promise.race([runMocha(createMocha(options, vsx), files, counts), crashed]), options.timeoutMs, 'UI tests');
  } catch (e) {
    error = e;
    log(`${LABEL}: ${e.message}`);
    if (browser) await screenshotQuietly(browser.page, path.join(options.artifacts, 'screenshots', `FAILED-${LABEL}.png`));
  } finally {
    delete global.vsx;
    if (browser) await browser.close();
    await server.stop();
  }
  const ok = !error && counts.failed === 0 && (counts.passed > 0 || Boolean(options.grep));
  const failed = ok ? 0 : Math.max(counts.failed, 1); // a timeout, crash or empty run counts as a failure
  const line = `${LABEL}: ${counts.passed} passed, ${failed} failed${counts.pending ? `, ${counts.pending} pending` : ''}  (${seconds(started)})`;
  return { label: LABEL, ok, passed: counts.passed, failed, line };
}

module.exports = { runLevelB };
