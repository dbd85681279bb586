import * as vscode from 'vscode';

import {
  completionEntries,
  type CompletionEntry,
  type CompletionEntryKind,
  completionSiteAt,
  splitLines,
} from '../../core';
import type { DocumentCache } from '../language/documentCache';
import type { VariableCatalog } from './variableCatalog';

export const completionTriggerCharacters = ['{', '$', '@', ':', '=', '?'];

const itemKinds: Record<CompletionEntryKind, vscode.CompletionItemKind> = {
  variable: vscode.CompletionItemKind.Variable,
  system: vscode.CompletionItemKind.Function,
  request: vscode.CompletionItemKind.Reference,
  method: vscode.CompletionItemKind.Keyword,
  header: vscode.CompletionItemKind.Property,
  value: vscode.CompletionItemKind.Value,
  directive: vscode.CompletionItemKind.Keyword,
  scheme: vscode.CompletionItemKind.EnumMember,
  option: vscode.CompletionItemKind.Property,
  assertion: vscode.CompletionItemKind.Operator,
};

/** Variables, system variables, methods, headers, directives, `@sign` schemes and options, and `??` assertions. */
export class GwHttpCompletionProvider implements vscode.CompletionItemProvider {
  constructor(
    private readonly documents: DocumentCache,
    private readonly catalog: VariableCatalog,
  ) {}

  async provideCompletionItems(
    document: vscode.TextDocument,
    position: vscode.Position,
  ): Promise<vscode.CompletionItem[]> {
    const parsed = this.documents.get(document);
    const requestLines = new Set(
      parsed.requests.filter((request) => request.form === 'line').map((request) => request.line),
    );
    const site = completionSiteAt(splitLines(document.getText()), position.line + 1, position.character, requestLines);
    if (!site) return [];
    const variables = site.kind === 'variable' ? await this.catalog.describe(document, parsed) : [];
    const requestNames = parsed.requests.flatMap((request) => (request.name ? [request.name] : []));
    const range = new vscode.Range(position.line, site.startColumn, position.line, position.character);
    return completionEntries(site, { variables, requestNames }).map((entry) => toItem(entry, range));
  }
}

function toItem(entry: CompletionEntry, range: vscode.Range): vscode.CompletionItem {
  const item = new vscode.CompletionItem({ label: entry.label, description: entry.detail }, itemKinds[entry.kind]);
  item.detail = entry.detail;
  if (entry.documentation) item.documentation = new vscode.MarkdownString().appendText(entry.documentation);
  item.insertText = entry.isSnippet ? new vscode.SnippetString(entry.insertText) : entry.insertText;
  item.sortText = entry.sortText;
  item.filterText = entry.label;
  item.range = range;
  return item;
}
