import * as vscode from 'vscode';

import { type ParsedRequestText, parseMarkdown } from '../../core/markdown/parseMarkdown';
import type { ParsedDocument } from '../../core/model/document';
import { parseDocument } from '../../core/parser/parseDocument';
import { Disposable } from '../util/disposable';
import { markdownLanguageId } from './requestDocuments';

export { gwhttpLanguageId } from './requestDocuments';

/** Parses each request document once per version (Markdown by its request blocks); shared by lenses, diagnostics and commands. */
export class DocumentCache extends Disposable {
  private readonly entries = new Map<string, { version: number; parsed: ParsedRequestText }>();

  constructor() {
    super();
    this.register(vscode.workspace.onDidCloseTextDocument((document) => this.entries.delete(document.uri.toString())));
  }

  get(document: vscode.TextDocument): ParsedDocument {
    return this.entry(document).document;
  }

  /** The text the parser read: the document's, or for Markdown its request blocks with other lines blank. */
  text(document: vscode.TextDocument): string {
    return this.entry(document).text;
  }

  private entry(document: vscode.TextDocument): ParsedRequestText {
    const key = document.uri.toString();
    const cached = this.entries.get(key);
    if (cached && cached.version === document.version) return cached.parsed;
    const text = document.getText();
    const parsed =
      document.languageId === markdownLanguageId
        ? parseMarkdown(text, cached?.parsed)
        : { document: parseDocument(text), text };
    this.entries.set(key, { version: document.version, parsed });
    return parsed;
  }
}
