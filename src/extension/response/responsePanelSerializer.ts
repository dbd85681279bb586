import type * as vscode from 'vscode';

import { parsePanelState } from '../../shared/parseMessages';
import type { ResponsePanels } from './responsePanel';

/**
 * Brings the response panel back after a window reload, in the column VS Code kept for it: the state is
 * what the webview saved with `setState` (validated here, it is untrusted), the shell is rebuilt with a
 * fresh nonce and the same CSP, and the panel becomes the one the next send reuses.
 */
export function responsePanelSerializer(panels: ResponsePanels): vscode.WebviewPanelSerializer<unknown> {
  return {
    deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown): Thenable<void> {
      panels.restore(panel, parsePanelState(state));
      return Promise.resolve();
    },
  };
}
