import * as vscode from 'vscode';

import { literalSecretOnLine } from '../../core';
import type { OutputLogger } from '../adapters/outputLogger';
import type { SecretStorageSource } from '../adapters/secretStorageSource';
import type { DocumentCache } from '../language/documentCache';
import { storeSecret } from './secretCommands';

/** Stores the literal secret under its key id, then removes it from the file. */
export async function moveSecretToStorage(
  documents: DocumentCache,
  secrets: SecretStorageSource,
  logger: OutputLogger,
  uri: vscode.Uri,
  range: vscode.Range,
  keyId: string | null,
): Promise<boolean> {
  const document = await vscode.workspace.openTextDocument(uri);
  const line = document.lineAt(range.start.line);
  const found = literalSecretOnLine(line.text, range.start.character, range.end.character);
  if (!found) {
    void vscode.window.showWarningMessage(`GW HTTP: no secret value found on ${uri.fsPath}:${range.start.line + 1}.`);
    return false;
  }
  if (!(await storeSecret(documents, secrets, logger, keyId ?? undefined, found.value))) return false;
  const edit = new vscode.WorkspaceEdit();
  if (found.removeLine) edit.delete(uri, line.rangeIncludingLineBreak);
  else edit.delete(uri, new vscode.Range(line.lineNumber, found.start, line.lineNumber, found.end));
  return vscode.workspace.applyEdit(edit);
}
