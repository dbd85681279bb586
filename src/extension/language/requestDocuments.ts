import * as vscode from 'vscode';

import { decideHttpFiles, type HttpFilesDecision, httpFilesMode, otherHttpExtensions } from '../../core';

export const gwhttpLanguageId = 'gwhttp';
/** The ecosystem's language id for `.http` and `.rest` files (REST Client, httpYac). */
export const httpLanguageId = 'http';
export const markdownLanguageId = 'markdown';

/** What the settings and the installed extensions say about `http` files now (read, never cached). */
export function currentHttpFilesDecision(): HttpFilesDecision {
  const mode = httpFilesMode(vscode.workspace.getConfiguration('gwhttp').get('httpFiles'));
  const installed = [...otherHttpExtensions.keys()].filter((id) => vscode.extensions.getExtension(id) !== undefined);
  return decideHttpFiles(mode, installed);
}

/** True while the `gwhttp.markdown` setting asks for Send Request lenses in Markdown files. */
export function markdownServed(): boolean {
  return vscode.workspace.getConfiguration('gwhttp').get<boolean>('markdown') ?? true;
}

/** True for a document gwhttp serves: `.gwhttp`, `http` files unless they are left to another extension, Markdown. */
export function isRequestDocument(document: vscode.TextDocument): boolean {
  switch (document.languageId) {
    case gwhttpLanguageId:
      return true;
    case httpLanguageId:
      return currentHttpFilesDecision().served;
    case markdownLanguageId:
      return markdownServed();
    default:
      return false;
  }
}
