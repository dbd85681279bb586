import * as vscode from 'vscode';

export const sendRequestCommandId = 'gwhttp.sendRequest';

/** Wiring only: register providers and commands; no I/O, no network, nothing awaited. */
export function activate(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(sendRequestCommandId, () => {
      void vscode.window.showInformationMessage('GW HTTP: sending requests is not available yet in this version.');
    }),
  );
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
