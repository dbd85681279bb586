import * as vscode from 'vscode';

/** Sending and reading workspace env files need a trusted workspace; says so and offers to manage trust. */
export async function requireTrust(what: string): Promise<boolean> {
  if (vscode.workspace.isTrusted) return true;
  const manage = 'Manage Workspace Trust';
  const choice = await vscode.window.showWarningMessage(
    `GW HTTP: ${what} needs a trusted workspace (requests, .env and environment files may carry secrets). Highlighting, CodeLens and diagnostics keep working.`,
    manage,
  );
  if (choice === manage) await vscode.commands.executeCommand('workbench.trust.manage');
  return vscode.workspace.isTrusted;
}
