import * as vscode from 'vscode';

import {
  type Diagnostic as CoreDiagnostic,
  DiagnosticsMemo,
  documentDiagnostics,
  type ParsedDocument,
  type VariableScope,
} from '../../core';
import { readSettings } from '../adapters/settings';
import type { EnvironmentService } from '../state/environmentService';
import { Disposable } from '../util/disposable';
import type { DocumentCache } from './documentCache';
import { isRequestDocument } from './requestDocuments';

export const diagnosticSource = 'gwhttp';

export function toVscodeDiagnostic(document: vscode.TextDocument, diagnostic: CoreDiagnostic): vscode.Diagnostic {
  const line = Math.min(Math.max(diagnostic.line - 1, 0), Math.max(document.lineCount - 1, 0));
  const text = document.lineAt(line).text;
  const start = diagnostic.column ?? text.length - text.trimStart().length;
  const end = diagnostic.endColumn ?? text.length;
  const severity =
    diagnostic.severity === 'error'
      ? vscode.DiagnosticSeverity.Error
      : diagnostic.severity === 'warning'
        ? vscode.DiagnosticSeverity.Warning
        : diagnostic.severity === 'hint'
          ? vscode.DiagnosticSeverity.Hint
          : vscode.DiagnosticSeverity.Information;
  const result = new vscode.Diagnostic(
    new vscode.Range(line, start, line, Math.max(end, start)),
    diagnostic.message,
    severity,
  );
  result.source = diagnosticSource;
  result.code = diagnostic.code;
  return result;
}

/** Live, debounced diagnostics: the parser's, the signing checks and unresolved variables. */
export class DiagnosticsController extends Disposable {
  private readonly collection = this.register(vscode.languages.createDiagnosticCollection(diagnosticSource));
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** The last diagnostics computed from a parse, with the known names they were checked against. */
  private readonly computed = new WeakMap<ParsedDocument, { names: string | null; diagnostics: vscode.Diagnostic[] }>();
  /** Per open document, the checks of its last version by chunk (an edit checks again only what it touched). */
  private readonly memos = new Map<string, DiagnosticsMemo>();

  constructor(
    private readonly documents: DocumentCache,
    private readonly environments: EnvironmentService,
    languagesChanged: vscode.Event<void>,
  ) {
    super();
    // A language served or left (gwhttp.httpFiles, gwhttp.markdown): mark or clear its open documents.
    this.register(languagesChanged(() => vscode.workspace.textDocuments.forEach((document) => this.refresh(document))));
    this.register(vscode.workspace.onDidOpenTextDocument((document) => this.schedule(document, 0)));
    this.register(vscode.workspace.onDidChangeTextDocument((event) => this.schedule(event.document)));
    this.register(
      vscode.workspace.onDidCloseTextDocument((document) => {
        this.cancel(document.uri);
        this.collection.delete(document.uri);
        this.memos.delete(document.uri.toString());
      }),
    );
    this.register(
      environments.onDidChange(() => vscode.workspace.textDocuments.forEach((document) => this.schedule(document, 0))),
    );
    this.register({ dispose: () => this.timers.forEach((timer) => clearTimeout(timer)) });
    // Documents already open when the extension activates.
    for (const document of vscode.workspace.textDocuments) this.schedule(document, 0);
  }

  private refresh(document: vscode.TextDocument): void {
    if (isRequestDocument(document)) {
      this.schedule(document, 0);
      return;
    }
    this.cancel(document.uri);
    this.collection.delete(document.uri);
  }

  private cancel(uri: vscode.Uri): void {
    const key = uri.toString();
    const timer = this.timers.get(key);
    if (timer) clearTimeout(timer);
    this.timers.delete(key);
  }

  schedule(document: vscode.TextDocument, delayMs = readSettings(document.uri).diagnosticsDelayMs): void {
    if (!isRequestDocument(document)) return;
    this.cancel(document.uri);
    this.timers.set(
      document.uri.toString(),
      setTimeout(() => void this.update(document), delayMs),
    );
  }

  /**
   * Computes the diagnostics of one document now (also used by the benchmark). The same parse in the same
   * variable scope gives the same diagnostics: a Markdown edit outside its request blocks keeps the parse.
   */
  compute(
    document: vscode.TextDocument,
    scope: Set<string> | Pick<VariableScope, 'knownNames' | 'unselected'> | null,
  ): vscode.Diagnostic[] {
    const parsed = this.documents.get(document);
    const names = scopeKey(scope);
    const reusable = this.computed.get(parsed);
    if (reusable && reusable.names === names) return reusable.diagnostics;
    const diagnostics = documentDiagnostics(parsed, this.documents.text(document), scope, this.memoOf(document)).map(
      (diagnostic) => toVscodeDiagnostic(document, diagnostic),
    );
    this.computed.set(parsed, { names, diagnostics });
    return diagnostics;
  }

  private memoOf(document: vscode.TextDocument): DiagnosticsMemo {
    const key = document.uri.toString();
    let memo = this.memos.get(key);
    if (memo === undefined) this.memos.set(key, (memo = new DiagnosticsMemo(this.documents.parseMemo(document))));
    return memo;
  }

  /** Computes and sets the diagnostics of a document now (the debounced path, and tests that must not wait on it). */
  async update(document: vscode.TextDocument): Promise<void> {
    this.timers.delete(document.uri.toString());
    if (this.disposed || document.isClosed) return;
    // Without a trusted workspace the env files are unknown: skip the unresolved-variable check
    // rather than flag variables that an env file would define.
    const scope = vscode.workspace.isTrusted ? await this.environments.scopeFor(document.uri).catch(() => null) : null;
    if (this.disposed || document.isClosed || !isRequestDocument(document)) return;
    this.collection.set(document.uri, this.compute(document, scope));
  }
}

/** What of a variable scope decides the diagnostics, as one string to compare (null: no scope). */
function scopeKey(scope: Set<string> | Pick<VariableScope, 'knownNames' | 'unselected'> | null): string | null {
  if (scope === null) return null;
  const names = scope instanceof Set ? scope : scope.knownNames;
  const unselected = scope instanceof Set ? null : scope.unselected;
  return JSON.stringify({
    names: [...names].sort(),
    unselected: unselected && { ...unselected, definedIn: [...unselected.definedIn].sort() },
  });
}
