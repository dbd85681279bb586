import * as vscode from 'vscode';

import { Disposable } from '../util/disposable';

/**
 * The last outcome of each request sent from a document (`✔ 200 OK · 3/3 checks · 12 ms`), shown as a
 * lens beside Send Request. Outcomes belong to the document version they were sent from: an edit can
 * move or change the requests, so they are dropped on the next change.
 */
export class RequestOutcomes extends Disposable {
  private readonly changed = this.register(new vscode.EventEmitter<void>());
  readonly onDidChange = this.changed.event;
  private readonly byDocument = new Map<string, { version: number; lines: Map<number, string> }>();

  constructor() {
    super();
    this.register(
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.contentChanges.length > 0 && this.byDocument.delete(event.document.uri.toString())) {
          this.changed.fire();
        }
      }),
    );
    this.register(
      vscode.workspace.onDidCloseTextDocument((document) => this.byDocument.delete(document.uri.toString())),
    );
  }

  /** Records what a request sent from `version` of the document came to (ignored when the document has moved on). */
  record(document: vscode.TextDocument, version: number, requestIndex: number, line: string): void {
    if (document.version !== version) return;
    const key = document.uri.toString();
    let entry = this.byDocument.get(key);
    if (!entry || entry.version !== version) this.byDocument.set(key, (entry = { version, lines: new Map() }));
    entry.lines.set(requestIndex, line);
    this.changed.fire();
  }

  /** The outcome line of a request, when it was sent from this very version of the document. */
  get(document: vscode.TextDocument, requestIndex: number): string | undefined {
    const entry = this.byDocument.get(document.uri.toString());
    return entry && entry.version === document.version ? entry.lines.get(requestIndex) : undefined;
  }

  /** Changes whenever an outcome is recorded or dropped (part of the lens cache key). */
  revision(document: vscode.TextDocument): string {
    const entry = this.byDocument.get(document.uri.toString());
    return entry && entry.version === document.version
      ? [...entry.lines].map(([index, line]) => `${index}:${line}`).join('|')
      : '';
  }
}
