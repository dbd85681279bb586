import * as vscode from 'vscode';

import { type ParsedDocument, parseDocument, type ParsedRequestText, parseMarkdown, RegionParseMemo } from '../../core';
import { Disposable } from '../util/disposable';
import { markdownLanguageId } from './requestDocuments';

export { gwhttpLanguageId } from './requestDocuments';

/** One open document's last parse, and the memo that lets the next version parse only what an edit touched. */
interface CacheEntry {
  version: number;
  languageId: string;
  parsed: ParsedRequestText;
  memo: RegionParseMemo;
}

/**
 * Parses each request document once per version (Markdown by its request blocks); shared by lenses,
 * diagnostics and commands. Each open document keeps its region parse memo, dropped when it is closed.
 */
export class DocumentCache extends Disposable {
  private readonly entries = new Map<string, CacheEntry>();

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

  /** The document's region parse memo (the diagnostics share its line scan). */
  parseMemo(document: vscode.TextDocument): RegionParseMemo {
    this.entry(document);
    return (this.entries.get(document.uri.toString()) as CacheEntry).memo;
  }

  private entry(document: vscode.TextDocument): ParsedRequestText {
    const key = document.uri.toString();
    const cached = this.entries.get(key);
    if (cached && cached.version === document.version) return cached.parsed;
    const sameLanguage = cached?.languageId === document.languageId;
    const memo = sameLanguage && cached ? cached.memo : new RegionParseMemo();
    const text = document.getText();
    const parsed =
      document.languageId === markdownLanguageId
        ? parseMarkdown(text, sameLanguage ? cached?.parsed : undefined, memo)
        : { document: parseDocument(text, memo), text };
    this.entries.set(key, { version: document.version, languageId: document.languageId, parsed, memo });
    return parsed;
  }
}
