import * as vscode from 'vscode';

import { documentSymbols, type OutlineSymbol, splitLines, type SymbolKind } from '../../core';
import type { DocumentCache } from '../language/documentCache';

const symbolKinds: Record<SymbolKind, vscode.SymbolKind> = {
  request: vscode.SymbolKind.Function,
  variable: vscode.SymbolKind.Variable,
  block: vscode.SymbolKind.Struct,
};

/** Requests (by name or title) with their blocks, and file variables: the outline and breadcrumbs. */
export class GwHttpDocumentSymbolProvider implements vscode.DocumentSymbolProvider {
  constructor(private readonly documents: DocumentCache) {}

  provideDocumentSymbols(document: vscode.TextDocument): vscode.DocumentSymbol[] {
    const symbols = documentSymbols(this.documents.get(document), splitLines(document.getText()));
    return symbols.map((symbol) => toDocumentSymbol(document, symbol));
  }
}

function toDocumentSymbol(document: vscode.TextDocument, symbol: OutlineSymbol): vscode.DocumentSymbol {
  const last = document.lineCount - 1;
  const startLine = Math.min(symbol.line - 1, last);
  const endLine = Math.min(Math.max(symbol.endLine - 1, startLine), last);
  const range = new vscode.Range(startLine, 0, endLine, document.lineAt(endLine).text.length);
  const selectionLine = Math.min(Math.max(symbol.selectionLine - 1, startLine), endLine);
  const selection = document.lineAt(selectionLine).range;
  const result = new vscode.DocumentSymbol(
    symbol.name || '(unnamed)',
    symbol.detail,
    symbolKinds[symbol.kind],
    range,
    selection,
  );
  result.children = symbol.children.map((child) => toDocumentSymbol(document, child));
  return result;
}
