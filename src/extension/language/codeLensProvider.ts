import * as vscode from 'vscode';

import { describeChoice, requestSigningHints } from '../../core';
import type { EnvironmentService } from '../state/environmentService';
import type { RequestOutcomes } from '../state/requestOutcomes';
import { Disposable } from '../util/disposable';
import type { DocumentCache } from './documentCache';

export const sendRequestCommandId = 'gwhttp.sendRequest';
export const previewSignatureCommandId = 'gwhttp.previewSignature';
export const selectEnvironmentCommandId = 'gwhttp.selectEnvironment';

/**
 * `Send Request` above every request (with its last outcome), `Preview Signature` above signed ones,
 * and the environment this file uses (`Environment: local`, or why none: `none (local is not defined for this file)`).
 */
export class GwHttpCodeLensProvider extends Disposable implements vscode.CodeLensProvider {
  private readonly changed = this.register(new vscode.EventEmitter<void>());
  readonly onDidChangeCodeLenses = this.changed.event;
  private readonly cache = new Map<
    string,
    { version: number; environment: string; outcomes: string; lenses: vscode.CodeLens[] }
  >();

  constructor(
    private readonly documents: DocumentCache,
    private readonly environments: EnvironmentService,
    private readonly outcomes: RequestOutcomes,
  ) {
    super();
    this.register(environments.onDidChange(() => this.changed.fire()));
    this.register(outcomes.onDidChange(() => this.changed.fire()));
    this.register(vscode.workspace.onDidCloseTextDocument((document) => this.cache.delete(document.uri.toString())));
  }

  async provideCodeLenses(document: vscode.TextDocument): Promise<vscode.CodeLens[]> {
    const key = document.uri.toString();
    const environment = await this.environments.choiceFor(document.uri).then(
      (choice) => describeChoice(choice),
      () => 'unknown (an env file cannot be read)',
    );
    const outcomes = this.outcomes.revision(document);
    const cached = this.cache.get(key);
    if (
      cached &&
      cached.version === document.version &&
      cached.environment === environment &&
      cached.outcomes === outcomes
    ) {
      return cached.lenses;
    }
    const lenses: vscode.CodeLens[] = [];
    const environmentTitle = `Environment: ${environment}`;
    for (const request of this.documents.get(document).requests) {
      const range = new vscode.Range(request.line - 1, 0, request.line - 1, 0);
      const args = [document.uri, request.index];
      lenses.push(
        new vscode.CodeLens(range, { title: 'Send Request', command: sendRequestCommandId, arguments: args }),
      );
      // The last outcome of this request, as text (no command): status, checks and time, or the error.
      const outcome = this.outcomes.get(document, request.index);
      if (outcome !== undefined) lenses.push(new vscode.CodeLens(range, { title: outcome, command: '' }));
      if (requestSigningHints(request).isSigned) {
        lenses.push(
          new vscode.CodeLens(range, {
            title: 'Preview Signature',
            command: previewSignatureCommandId,
            arguments: args,
          }),
        );
      }
      // The environment once per file, above the first request: visible without cluttering every request.
      if (request.index === 0) {
        lenses.push(
          new vscode.CodeLens(range, { title: environmentTitle, command: selectEnvironmentCommandId, arguments: [] }),
        );
      }
    }
    this.cache.set(key, { version: document.version, environment, outcomes, lenses });
    return lenses;
  }
}
