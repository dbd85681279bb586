'use strict';
// Opens the VS Code web workbench of a running code-server in Chromium (playwright-core), logging the
// browser console, page errors and failed HTTP responses to <artifacts>/workbench-<label>.log.
const fs = require('node:fs');
const path = require('node:path');
const { requireFrom, ensureDir } = require('./util');

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

/** The workbench URL: `?folder=` opens the workspace, `?payload=` carries the development/test locations. */
function workbenchUrl(server, workspace, payloadPaths) {
  const remote = (p) => `vscode-remote://127.0.0.1:${server.port}${p}`;
  const payload = Object.entries(payloadPaths).filter(([, p]) => p).map(([key, p]) => [key, remote(p)]);
  let url = `${server.baseUrl}/?folder=${encodeURIComponent(workspace)}`;
  if (payload.length > 0) url += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  return url;
}

/**
 * Launches Chromium and returns { browser, page, logLine(text), close() }. `exposed` maps names to
 * functions put on `window` before any page script runs (codeAutomationLog / codeAutomationExit).
 */
async function openBrowser({ extDir, chromium, headed, artifacts, label, exposed = {} }) {
  const { chromium: pw } = requireFrom(extDir, 'playwright-core');
  if (!fs.existsSync(chromium)) throw new Error(`no browser at ${chromium}: run tools/vscode-host/setup-vscode-host.sh or pass --chromium`);
  const browser = await pw.launch({ executablePath: chromium, headless: !headed, args: CHROMIUM_ARGS });
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  const logStream = fs.createWriteStream(path.join(artifacts, `workbench-${label}.log`));
  const logLine = (text) => logStream.write(`${new Date().toISOString()} ${text}\n`);
  page.on('console', (m) => logLine(`[console.${m.type()}] ${m.text()}`));
  page.on('pageerror', (e) => logLine(`[pageerror] ${e.stack || e.message}`));
  page.on('response', (r) => { if (r.status() >= 400) logLine(`[http ${r.status()}] ${r.url()}`); });
  page.on('crash', () => logLine('[crash] the page crashed'));
  for (const [name, fn] of Object.entries(exposed)) await page.exposeFunction(name, fn);
  const close = async () => {
    await browser.close().catch(() => undefined);
    await new Promise((resolve) => logStream.end(resolve));
  };
  return { browser, page, logLine, close };
}

/** Waits until the workbench has rendered (editor area and status bar are in the DOM). */
async function waitForWorkbench(page, timeoutMs = 60_000) {
  await page.locator('.monaco-workbench .part.editor').waitFor({ state: 'attached', timeout: timeoutMs });
  await page.locator('.monaco-workbench .part.statusbar').waitFor({ state: 'visible', timeout: timeoutMs });
}

/** Screenshot for diagnosis after a failure; never throws (the page may be gone). */
async function screenshotQuietly(page, file) {
  ensureDir(path.dirname(file));
  await page.screenshot({ path: file, timeout: 10_000 }).catch(() => undefined);
}

module.exports = { openBrowser, workbenchUrl, waitForWorkbench, screenshotQuietly };
