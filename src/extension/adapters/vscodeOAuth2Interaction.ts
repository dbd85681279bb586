import * as vscode from 'vscode';

import type { OAuth2Interaction } from '../../core';

/**
 * The editor's prompts for the interactive OAuth2 grants: the browser opened on the authorization URL
 * (the core waits for the loopback redirect), and the device code in a notification with Open and Copy.
 */
export const vscodeOAuth2Interaction: OAuth2Interaction = {
  openAuthorizationUrl: async ({ name, url }) => {
    const opened = await vscode.env.openExternal(vscode.Uri.parse(url, true));
    if (!opened) {
      void vscode.window
        .showWarningMessage(`GW HTTP: OAuth2 "${name}": open the sign-in page in a browser.`, 'Copy URL')
        .then((choice) => (choice ? vscode.env.clipboard.writeText(url) : undefined));
    }
  },
  showDeviceCode: ({ name, userCode, verificationUri, verificationUriComplete }) => {
    const open = 'Open';
    const copy = 'Copy Code';
    void vscode.window
      .showInformationMessage(
        `GW HTTP: OAuth2 "${name}": enter the code ${userCode} at ${verificationUri} to sign in.`,
        open,
        copy,
      )
      .then(async (choice) => {
        if (choice === copy) await vscode.env.clipboard.writeText(userCode);
        if (choice === open) {
          await vscode.env.clipboard.writeText(userCode);
          await vscode.env.openExternal(vscode.Uri.parse(verificationUriComplete ?? verificationUri, true));
        }
      });
    return Promise.resolve();
  },
};
