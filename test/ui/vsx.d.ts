// Types of the global `vsx` that tools/vscode-host/run-ext-tests.sh (--ui-tests) gives level-B tests.
// Implementation: tools/vscode-host/lib/vsxHelpers.js; usage: tools/vscode-host/README.md.
import type { FrameLocator, Locator, Page } from 'playwright-core';

export interface Vsx {
  /** The Playwright page showing the VS Code workbench. */
  readonly page: Page;
  /** http://127.0.0.1:PORT of the code-server under test. */
  readonly baseUrl: string;
  /** Absolute path of the workspace folder the workbench has open. */
  readonly workspace: string;
  /** Folder for logs and screenshots (.vsx-test-output). */
  readonly artifacts: string;
  /** Opens a workspace file through Quick Open; resolves when its editor tab is active. */
  openFile(relativePath: string): Promise<void>;
  /** Waits until the extension host logged the activation of `extensionId` (fails fast on an activation error). */
  waitForActivation(extensionId: string, timeoutMs?: number): Promise<void>;
  /** Locator of the CodeLens links whose text contains `text`. */
  codeLens(text: string): Locator;
  /** FrameLocator of the content of the index-th ready webview panel. */
  webview(options?: { index?: number; timeoutMs?: number }): Promise<FrameLocator>;
  /** Runs a command by its Command Palette label, e.g. 'GW HTTP: Send Request'. */
  runCommand(label: string): Promise<void>;
  /** Texts of the notification toasts shown now. */
  notifications(): Promise<string[]>;
  /** Waits for a notification toast containing `text`; returns its text. */
  waitForNotification(text: string, timeoutMs?: number): Promise<string | null>;
  /** Moves the cursor of the active editor to line:column (1-based). */
  moveCursorTo(line: number, column?: number): Promise<void>;
  /** TextMate scopes at line:column (1-based) of the active editor, innermost first, from the workbench's token inspector. */
  tokenScopesAt(line: number, column: number): Promise<string[]>;
  /** Saves <artifacts>/screenshots/<name>.png; returns its path. */
  screenshot(name: string): Promise<string>;
  /** The remote extension host's log so far. */
  extHostLog(): string;
  /** Absolute path of a workspace file. */
  workspacePath(relativePath: string): string;
  /** Contents of a workspace file. */
  readWorkspaceFile(relativePath: string): string;
}

declare global {
  const vsx: Vsx;
}
