import * as vscode from 'vscode';

import type { CurlCopy } from '../../core';

/** Puts the command alone on the clipboard (an import box takes it as it is) and says the rest beside it. */
export async function copyCurl(curl: CurlCopy): Promise<void> {
  await vscode.env.clipboard.writeText(curl.command);
  void vscode.window.showInformationMessage(`GW HTTP: copied as cURL. ${curl.note}`);
}
