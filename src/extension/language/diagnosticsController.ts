import * as vscode from 'vscode';

import { documentDiagnostics } from '../../core/language/documentDiagnostics';
import type { Diagnostic as CoreDiagnostic } from '../../core/model/diagnostic';
import type { VariableScope } from '../../core/variables/variableScope';
import { readSettings } from '../adapters/settings';
import type { EnvironmentService } from '../state/environmentService';
import { Disposable } from '../util/disposable';
import { type DocumentCache, gwhttpLanguageId } from './documentCache';

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

  constructor(
    private readonly documents: DocumentCache,
    private readonly environments: EnvironmentService,
  ) {
    super();
    this.register(vscode.workspace.onDidOpenTextDocument((document) => this.schedule(document, 0)));
    this.register(vscode.workspace.onDidChangeTextDocument((event) => this.schedule(event.document)));
    this.register(
      vscode.workspace.onDidCloseTextDocument((document) => {
        this.cancel(document.uri);
        this.collection.delete(document.uri);
      }),
    );
    this.register(
      environments.onDidChange(() => vscode.workspace.textDocuments.forEach((document) => this.schedule(document, 0))),
    );
    this.register({ dispose: () => this.timers.forEach((timer) => clearTimeout(timer)) });
    // Documents already open when the extension activates.
    for (const document of vscode.workspace.textDocuments) this.schedule(document, 0);
  }

  private cancel(uri: vscode.Uri): void {
    const key = uri.toString();
    const timer = this.timers.get(key);
    if (timer) clearTimeout(timer);
    this.timers.delete(key);
  }

  schedule(document: vscode.TextDocument, delayMs = readSettings(document.uri).diagnosticsDelayMs): void {
    if (document.languageId !== gwhttpLanguageId) return;
    this.cancel(document.uri);
    this.timers.set(
      document.uri.toString(),
      setTimeout(() => void this.update(document), delayMs),
    );
  }

  /** Computes the diagnostics of one document now (also used by the benchmark). */
  compute(
    document: vscode.TextDocument,
    scope: Set<string> | Pick<VariableScope, 'knownNames' | 'unselected'> | null,
  ): vscode.Diagnostic[] {
    return documentDiagnostics(this.documents.get(document), document.getText(), scope).map((diagnostic) =>
      toVscodeDiagnostic(document, diagnostic),
    );
  }

  /** Computes and sets the diagnostics of a document now (the debounced path, and tests that must not wait on it). */
  async update(document: vscode.TextDocument): Promise<void> {
    this.timers.delete(document.uri.toString());
    if (this.disposed || document.isClosed) return;
    // Without a trusted workspace the env files are unknown: skip the unresolved-variable check
    // rather than flag variables that an env file would define.
    const scope = vscode.workspace.isTrusted ? await this.environments.scopeFor(document.uri).catch(() => null) : null;
    if (this.disposed || document.isClosed) return;
    this.collection.set(document.uri, this.compute(document, scope));
  }
}
