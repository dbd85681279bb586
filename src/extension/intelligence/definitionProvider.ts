import * as vscode from 'vscode';

import { definitionForReference, type DefinitionTarget } from '../../core';
import type { VariableCatalog } from './variableCatalog';

/** From a `{{variable}}` to its `@name = value` line or env-file key; from a chaining reference to `# @name`. */
export class GwHttpDefinitionProvider implements vscode.DefinitionProvider {
  constructor(private readonly catalog: VariableCatalog) {}

  async provideDefinition(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Location | null> {
    const found = await this.catalog.referenceAt(document, position);
    if (!found) return null;
    const target = definitionForReference(found.reference, found.variables, found.parsed);
    if (!target) return null;
    const targetDocument =
      target.file === null ? document : await vscode.workspace.openTextDocument(vscode.Uri.file(target.file));
    return new vscode.Location(targetDocument.uri, keyRange(targetDocument, target));
  }
}

/** The key on the target line (`"host"` in an env file, `host` after `@`), or the line start. */
function keyRange(document: vscode.TextDocument, target: DefinitionTarget): vscode.Range {
  const line = Math.min(target.line - 1, document.lineCount - 1);
  const text = document.lineAt(line).text;
  const column = target.key === null ? -1 : text.indexOf(target.key);
  if (column < 0) return new vscode.Range(line, 0, line, 0);
  return new vscode.Range(line, column, line, column + (target.key?.length ?? 0));
}
