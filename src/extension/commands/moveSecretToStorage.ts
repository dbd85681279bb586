import * as vscode from 'vscode';
import type { SecretStorageSource } from '../adapters/secretStorageSource';
import type { OutputLogger } from '../adapters/outputLogger';
import type { DocumentCache } from '../language/documentCache';
import { storeSecret } from './secretCommands';

/** Finds the literal secret on a line: the flagged range, or the value of a header / variable / `secret=` option. */
export function literalSecretOnLine(lineText: string, start: number, end: number): { value: string; removeLine: boolean; start: number; end: number } | null {
  const flagged = lineText.slice(start, end).trim();
  const header = /^\s*[!#$%&'*+.^_`|~0-9A-Za-z-]+\s*:\s*(.+?)\s*$/.exec(lineText);
  const variable = /^\s*@[\w.-]+\s*=\s*(.+?)\s*$/.exec(lineText);
  const option = /\b(?:secret|secretKey|secret_key|key)\s*=\s*"?([^"\s]+)"?/i.exec(lineText);
  if (flagged !== '' && flagged !== lineText.trim()) {
    const whole = (header?.[1] ?? variable?.[1]) === flagged;
    return { value: flagged.replace(/^"|"$/g, ''), removeLine: whole, start, end };
  }
  if (option) return { value: option[1], removeLine: false, start: option.index, end: option.index + option[0].length };
  const value = header?.[1] ?? variable?.[1];
  return value ? { value, removeLine: true, start: 0, end: lineText.length } : null;
}

/** Stores the literal secret under its key id, then removes it from the file. */
export async function moveSecretToStorage(documents: DocumentCache, secrets: SecretStorageSource, logger: OutputLogger, uri: vscode.Uri, range: vscode.Range, keyId: string | null): Promise<boolean> {
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
