import * as vscode from 'vscode';

import type { DocumentCache } from '../language/documentCache';
import { isRequestDocument, markdownLanguageId } from '../language/requestDocuments';

/** The request a command acts on: the lens's (uri, index) arguments, else the one at the cursor. */
export function requestTarget(
  documents: DocumentCache,
  uriArgument: unknown,
  indexArgument: unknown,
): { uri: vscode.Uri; index: number } | null {
  if (uriArgument instanceof vscode.Uri && typeof indexArgument === 'number') {
    return { uri: uriArgument, index: indexArgument };
  }
  const editor = vscode.window.activeTextEditor;
  if (!editor || !isRequestDocument(editor.document)) {
    void vscode.window.showInformationMessage(
      'GW HTTP: open a request file (.gwhttp, .http, .rest, or Markdown with an http block) and put the cursor in a request.',
    );
    return null;
  }
  const line = editor.selection.active.line + 1;
  const requests = documents.get(editor.document).requests;
  // In Markdown the prose between blocks belongs to no request; elsewhere it is the request above's.
  const nearest =
    editor.document.languageId === markdownLanguageId
      ? undefined
      : [...requests].reverse().find((each) => each.regionStartLine <= line);
  const request = requests.find((each) => line >= each.regionStartLine && line <= each.endLine) ?? nearest;
  if (!request) {
    void vscode.window.showInformationMessage('GW HTTP: no request at the cursor.');
    return null;
  }
  return { uri: editor.document.uri, index: request.index };
}

export function activeGwhttpUri(uriArgument: unknown): vscode.Uri | null {
  if (uriArgument instanceof vscode.Uri) return uriArgument;
  const editor = vscode.window.activeTextEditor;
  return editor && isRequestDocument(editor.document) ? editor.document.uri : null;
}
