'use strict';
// The global `vsx` object that level-B (UI) tests use to drive the real workbench. Typed for the tests in
// test/ui/vsx.d.ts; documented in tools/vscode-host/README.md.
const fs = require('node:fs');
const path = require('node:path');
const { extHostLog } = require('./codeServer');
const { waitFor, ensureDir } = require('./util');

const QUICK_INPUT = '.quick-input-widget';

function createVsx({ page, server, workspace, artifacts }) {
  const screenshotsDir = ensureDir(path.join(artifacts, 'screenshots'));

  /** Opens the quick-input box with `keys` and types `text`; returns the input Locator. */
  async function openQuickInput(keys, text, attempts = 3) {
    const input = page.locator(`${QUICK_INPUT} input.input`);
    for (let attempt = 1; ; attempt++) {
      await page.keyboard.press('Escape');
      await page.keyboard.press(keys);
      try {
        await input.waitFor({ state: 'visible', timeout: attempt < attempts ? 6_000 : 30_000 });
        break;
      } catch (error) {
        if (attempt >= attempts) throw error;
        // A focused webview (its iframe) swallows the workbench's key bindings: hand focus back to the
        // workbench's own document and press again.
        await page.evaluate(() => {
          const active = document.activeElement;
          if (active && typeof active.blur === 'function') active.blur();
        });
        await page.waitForTimeout(500);
      }
    }
    await input.fill(text);
    return input;
  }

  /**
   * Types `text` into the quick input opened by `keys` and accepts the first row containing `match`.
   * Quick Open can answer from a file list cached before a test wrote the file ("No matching
   * results"): the picker is then opened afresh, up to `attempts` times.
   */
  async function quickPick(keys, text, match, attempts = 4) {
    for (let attempt = 1; ; attempt++) {
      const input = await openQuickInput(keys, text);
      const row = page.locator(`${QUICK_INPUT} .monaco-list-row`, { hasText: match }).first();
      try {
        await row.waitFor({ state: 'visible', timeout: attempt < attempts ? 8_000 : 30_000 });
      } catch (error) {
        if (attempt >= attempts) throw error;
        await page.keyboard.press('Escape');
        await page.waitForTimeout(1_000);
        continue;
      }
      await input.press('Enter');
      await page.locator(QUICK_INPUT).waitFor({ state: 'hidden' });
      return;
    }
  }

  const vsx = {
    page,
    baseUrl: server.baseUrl,
    workspace,
    artifacts,

    /** Opens `relPath` (relative to the workspace) through Quick Open; resolves when its editor is active. */
    async openFile(relPath) {
      const name = path.basename(relPath);
      await quickPick('Control+P', relPath, name);
      await page.locator('.tabs-container .tab.active', { hasText: name }).waitFor({ state: 'visible' });
      await page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor({ state: 'visible' });
    },

    /** Waits until the extension host logged the activation of `extensionId`; fails fast on an activation error. */
    async waitForActivation(extensionId, timeoutMs = 30_000) {
      const failed = `Activating extension ${extensionId} failed`;
      await waitFor(() => {
        const text = extHostLog(server.state);
        if (text.includes(failed)) throw new Error(`${failed}: see ${artifacts}/vscode-logs-ui`);
        return text.includes(`_doActivateExtension ${extensionId}`);
      }, timeoutMs, `extension ${extensionId} did not activate within ${timeoutMs / 1000} s`);
    },

    /** Locator of the CodeLens links whose text contains `text`. */
    codeLens(text) {
      return page.locator('.codelens-decoration a', { hasText: text });
    },

    /** FrameLocator of the content of the `index`-th ready webview (outer iframe.webview → #active-frame). */
    async webview({ index = 0, timeoutMs = 30_000 } = {}) {
      const outer = page.locator('iframe.webview.ready').nth(index);
      await outer.waitFor({ state: 'attached', timeout: timeoutMs });
      const inner = page.frameLocator('iframe.webview.ready').nth(index).frameLocator('#active-frame');
      await inner.locator('body').waitFor({ state: 'attached', timeout: timeoutMs });
      return inner;
    },

    /** Runs a command by its palette label, e.g. 'GW HTTP: Send Request'. */
    async runCommand(label) {
      await quickPick('Control+Shift+P', `>${label}`, label);
    },

    /** Texts of the notification toasts on screen now. */
    async notifications() {
      return page.locator('.notifications-toasts .notification-list-item-message').allTextContents();
    },

    /** Waits for a notification toast containing `text`; returns its full text. */
    async waitForNotification(text, timeoutMs = 15_000) {
      const toast = page.locator('.notifications-toasts .notification-list-item-message', { hasText: text }).first();
      await toast.waitFor({ state: 'visible', timeout: timeoutMs });
      return toast.textContent();
    },

    /** Moves the cursor of the active editor to `line`:`column` (1-based) through Quick Open's `:` mode. */
    async moveCursorTo(line, column = 1) {
      const input = await openQuickInput('Control+P', `:${line}:${column}`);
      await input.press('Enter');
      await page.locator(QUICK_INPUT).waitFor({ state: 'hidden' });
    },

    /**
     * TextMate scopes of the token at `line`:`column` of the active editor, innermost first, read from the
     * workbench's own "Developer: Inspect Editor Tokens and Scopes" widget (the real tokenizer at work).
     */
    async tokenScopesAt(line, column) {
      await vsx.moveCursorTo(line, column);
      await vsx.runCommand('Developer: Inspect Editor Tokens and Scopes');
      const cell = page.locator('.token-inspect-widget .tiw-metadata-scopes');
      await cell.waitFor({ state: 'visible' });
      const text = await cell.innerText();
      await page.keyboard.press('Escape'); // the widget closes on Escape in the editor
      await page.locator('.token-inspect-widget').waitFor({ state: 'hidden' });
      return text.split('\n').map((s) => s.trim()).filter(Boolean);
    },

    /** Saves a full-page screenshot to <artifacts>/screenshots/<name>.png and returns its path. */
    async screenshot(name) {
      const file = path.join(screenshotsDir, `${name.replace(/[^\w.-]+/g, '_')}.png`);
      await page.screenshot({ path: file });
      return file;
    },

    /** Text of the remote extension host's log so far (activation, errors, console of extensions). */
    extHostLog() {
      return extHostLog(server.state);
    },

    /** Absolute path of a workspace file (for reading fixtures). */
    workspacePath(relPath) {
      return path.join(workspace, relPath);
    },

    /** Contents of a workspace file. */
    readWorkspaceFile(relPath) {
      return fs.readFileSync(path.join(workspace, relPath), 'utf8');
    },
  };
  return vsx;
}

module.exports = { createVsx };
