import * as vscode from 'vscode';

import type { ParsedDocument } from '../../core/model/document';
import { parseDocument } from '../../core/parser/parseDocument';
import { Disposable } from '../util/disposable';

export const gwhttpLanguageId = 'gwhttp';

/** Parses each `.gwhttp` document once per version; shared by lenses, diagnostics and commands. */
export class DocumentCache extends Disposable {
  private readonly entries = new Map<string, { version: number; parsed: ParsedDocument }>();

  constructor() {
    super();
    this.register(vscode.workspace.onDidCloseTextDocument((document) => this.entries.delete(document.uri.toString())));
  }

  get(document: vscode.TextDocument): ParsedDocument {
    const key = document.uri.toString();
    const cached = this.entries.get(key);
    if (cached && cached.version === document.version) return cached.parsed;
    const parsed = parseDocument(document.getText());
    this.entries.set(key, { version: document.version, parsed });
    return parsed;
  }
}
