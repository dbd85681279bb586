'use strict';
// `--untrusted`: workspace trust is on and the fresh state trusts no folder, so the workbench opens the
// workspace in Restricted Mode. VS Code's startup prompt ("Do you trust the authors of the files in this
// folder?") cannot be answered in a test window: with an extensionTestsPath the workbench's DialogService
// refuses every prompt ("DialogService: refused to show dialog in tests", dialogService.ts skipDialogs()),
// so the harness sets `security.workspace.trust.startupPrompt: "never"`. The workbench then takes the same
// path as after "No, I don't trust the authors" (WorkspaceTrustUXHandler.updateWorkbenchIndicators(false)):
// Restricted Mode banner and status bar entry, no trust request pending.
// This module reads those two indicators from the page and hands them to the tests' runner through
// $VSX_RESTRICTED_MODE_FILE, which it waits for before it starts mocha.
const fs = require('node:fs');

const UNTRUSTED_SETTINGS = {
  'security.workspace.trust.enabled': true,
  'security.workspace.trust.startupPrompt': 'never',
};

/**
 * Waits until the workbench shows Restricted Mode (status bar entry `status.workspaceTrust` and the
 * banner), writes `{ statusBar, banner, ms }` to `resultFile` and resolves with it.
 */
async function confirmRestrictedMode(page, { resultFile, timeoutMs = 60_000, logLine = () => undefined }) {
  const started = Date.now();
  const status = page.locator('[id="status.workspaceTrust"]');
  await status.waitFor({ state: 'visible', timeout: timeoutMs });
  const banner = page.locator('.monaco-workbench .part.banner').filter({ hasText: 'Restricted Mode' });
  await banner.waitFor({ state: 'visible', timeout: timeoutMs });
  const record = {
    statusBar: ((await status.textContent()) || '').trim(),
    statusBarLabel: (await status.locator('a').first().getAttribute('aria-label').catch(() => null)) || '',
    banner: ((await banner.locator('.message-container').first().textContent().catch(() => null)) || (await banner.textContent()) || '').trim(),
    ms: Date.now() - started,
  };
  logLine(`[trust] Restricted Mode shown: ${JSON.stringify(record)}`);
  if (resultFile) fs.writeFileSync(resultFile, JSON.stringify(record));
  return record;
}

module.exports = { confirmRestrictedMode, UNTRUSTED_SETTINGS };
