// Helpers for the tests of .http, .rest and Markdown files (this suite and otherHttpExtension).
import * as assert from 'node:assert/strict';

import * as vscode from 'vscode';

/** The lenses VS Code collects for a document from every provider (ours and any other extension's). */
export async function lensesOf(document: vscode.TextDocument): Promise<vscode.CodeLens[]> {
  return (
    (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri)) ?? []
  );
}

/** Runs a lens's command with its arguments, as a click on it does. */
export async function clickLens(lenses: readonly vscode.CodeLens[], title: string, line: number): Promise<void> {
  const lens = lenses.find((each) => each.command?.title === title && each.range.start.line === line);
  assert.ok(lens?.command, `no "${title}" lens on line ${line + 1}`);
  await vscode.commands.executeCommand(lens.command.command, ...(lens.command.arguments ?? []));
}

/** Sets (or with `undefined` removes) a gwhttp setting for the user. */
export async function setGwhttpSetting(name: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('gwhttp').update(name, value, vscode.ConfigurationTarget.Global);
}
