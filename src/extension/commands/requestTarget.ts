import * as vscode from 'vscode';

import { type DocumentCache, gwhttpLanguageId } from '../language/documentCache';

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
  if (!editor || editor.document.languageId !== gwhttpLanguageId) {
    void vscode.window.showInformationMessage('GW HTTP: open a .gwhttp file and put the cursor in a request.');
    return null;
  }
  const line = editor.selection.active.line + 1;
  const requests = documents.get(editor.document).requests;
  const request =
    requests.find((each) => line >= each.regionStartLine && line <= each.endLine) ??
    [...requests].reverse().find((each) => each.regionStartLine <= line);
  if (!request) {
    void vscode.window.showInformationMessage('GW HTTP: no request at the cursor.');
    return null;
  }
  return { uri: editor.document.uri, index: request.index };
}

export function activeGwhttpUri(uriArgument: unknown): vscode.Uri | null {
  if (uriArgument instanceof vscode.Uri) return uriArgument;
  const editor = vscode.window.activeTextEditor;
  return editor?.document.languageId === gwhttpLanguageId ? editor.document.uri : null;
}
