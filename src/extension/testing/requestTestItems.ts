import * as path from 'node:path';

import * as vscode from 'vscode';

import type { ParsedDocument, ParsedRequest } from '../../core';
import { isRequestDocument } from '../language/requestDocuments';
import { requestTitle } from '../send/sendController';

/** The request files the Test Explorer finds in the workspace. */
export const requestFileGlob = '**/*.{gwhttp,http,rest}';

/** Whether an open document is a request file (one gwhttp serves, on disk) whose requests are test items. */
export function isRequestTestDocument(document: vscode.TextDocument): boolean {
  return document.uri.scheme === 'file' && isRequestDocument(document);
}

export function requestItemId(uri: vscode.Uri, index: number): string {
  return `${uri.toString()}#${index}`;
}

/** The index of the request a request item stands for, or null for a file item. */
export function requestIndexOf(item: vscode.TestItem): number | null {
  const hash = item.id.lastIndexOf('#');
  if (hash < 0 || !item.parent) return null;
  const index = Number(item.id.slice(hash + 1));
  return Number.isInteger(index) ? index : null;
}

/** The item of a request file (its requests are resolved when it is expanded or run). */
export function fileItem(controller: vscode.TestController, uri: vscode.Uri): vscode.TestItem {
  const existing = controller.items.get(uri.toString());
  if (existing) return existing;
  const item = controller.createTestItem(uri.toString(), path.basename(uri.fsPath), uri);
  item.canResolveChildren = true;
  // The folder, relative to the workspace; none for a file at the root or outside the workspace.
  const folder = vscode.workspace.asRelativePath(path.dirname(uri.fsPath), false);
  item.description = path.isAbsolute(folder) ? undefined : folder;
  controller.items.add(item);
  return item;
}

function requestLabel(request: ParsedRequest): string {
  return requestTitle(request);
}

/** Replaces a file item's children by the parsed file's requests, each at its lines, in file order. */
export function setRequestItems(
  controller: vscode.TestController,
  file: vscode.TestItem,
  parsed: ParsedDocument,
): void {
  const uri = file.uri!;
  const children = parsed.requests.map((request) => {
    const item = controller.createTestItem(requestItemId(uri, request.index), requestLabel(request), uri);
    item.range = new vscode.Range(request.line - 1, 0, Math.max(request.line, request.endLine) - 1, 0);
    item.sortText = String(request.index).padStart(6, '0');
    item.description = `${request.method} · line ${request.line}`;
    return item;
  });
  file.children.replace(children);
  file.canResolveChildren = false;
}
