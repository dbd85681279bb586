import * as path from 'node:path';

import * as vscode from 'vscode';

import { createHttpClient, type HttpClient } from '../../core/http/httpClient';
import { requestIdentity } from '../../core/language/requestIdentity';
import type { ParsedDocument, ParsedRequest } from '../../core/model/document';
import type { OutgoingRequest } from '../../core/model/outgoing';
import { systemClock } from '../../core/ports';
import { defaultBodyLimits } from '../../core/presentation/buildBodyView';
import { buildResponseViewModel } from '../../core/presentation/buildResponseViewModel';
import { earlierExchanges } from '../../core/presentation/earlierExchanges';
import { type CurlCopy, toCurl } from '../../core/presentation/toCurl';
import { runRequests, type RunResult } from '../../core/run';
import { confirmationText } from '../../core/run/confirmationText';
import { outcomeLine, resultPassed, runSummary } from '../../core/run/resultOutcome';
import type { OutputLogger } from '../adapters/outputLogger';
import type { SecretStorageSource } from '../adapters/secretStorageSource';
import { readSettings } from '../adapters/settings';
import type { DocumentCache } from '../language/documentCache';
import type { ResponsePanels } from '../response/responsePanel';
import type { CookieJars } from '../state/cookieJars';
import type { EnvironmentService } from '../state/environmentService';
import type { LastSent } from '../state/lastSent';
import type { RequestOutcomes } from '../state/requestOutcomes';
import type { ResponseHistory } from '../state/responseHistory';
import type { StatusBar } from '../status/statusBar';
import { Disposable } from '../util/disposable';
import { reportSendError } from './reportSendError';
import { requireTrust } from './requireTrust';
import { runContextFor } from './runContextFor';
import { secretSourcesFor, variableContextFor } from './sendContext';
import { signPrepared } from './signPrepared';

export function requestTitle(request: ParsedRequest): string {
  return request.title ?? request.name ?? `${request.method} ${request.url}`;
}

/** The title of a request that went out: its title or name, else its method and resolved URL (not `{{host}}`). */
export function sentTitle(request: ParsedRequest, sent: OutgoingRequest | null): string {
  return request.title ?? request.name ?? (sent ? `${sent.method} ${sent.url}` : requestTitle(request));
}

export interface SendServices {
  documents: DocumentCache;
  environments: EnvironmentService;
  secrets: SecretStorageSource;
  panels: ResponsePanels;
  statusBar: StatusBar;
  logger: OutputLogger;
  outcomes: RequestOutcomes;
  history: ResponseHistory;
  cookies: CookieJars;
}

/** Sends requests: progress with Cancel, one abort controller per run, results to the panel. */
export class SendController extends Disposable {
  private client: HttpClient | null = null;
  private running: AbortController | null = null;
  private last: LastSent | null = null;
  private nextModelId = 1;
  /** The last Send All summary (read by the extension-host tests). */
  lastSummary: string | null = null;

  constructor(private readonly services: SendServices) {
    super();
    this.register({
      dispose: () => {
        this.running?.abort();
        void this.client?.close();
      },
    });
  }

  cancel(): void {
    this.running?.abort();
  }

  /** Asks before sending requests marked `# @note` or with an environment that sets `$confirm`; true to go on. */
  private async confirmed(uri: vscode.Uri, parsed: ParsedDocument, indexes: number[]): Promise<boolean> {
    const environments = await this.services.environments.load(uri).catch(() => null);
    const name = await this.services.environments.nameFor(uri);
    const reasons = confirmationText(parsed, indexes, environments, name);
    if (reasons === null) return true;
    const count = indexes.length === 1 ? 'this request' : `these ${indexes.length} requests`;
    const answer = await vscode.window.showWarningMessage(
      `GW HTTP: send ${count}?`,
      { modal: true, detail: reasons },
      'Send',
    );
    if (answer !== 'Send') this.services.logger.info(`Not sent (not confirmed): ${reasons.replace(/\n/g, '; ')}`);
    return answer === 'Send';
  }

  /** What was sent last (a single request by its identity, or a Send All run), for Rerun Last Request. */
  get lastSent(): LastSent | null {
    return this.last;
  }

  async send(uri: vscode.Uri, indexes: number[]): Promise<void> {
    if (!(await requireTrust('Sending requests'))) return;
    const document = await vscode.workspace.openTextDocument(uri);
    const parsed = this.services.documents.get(document);
    if (indexes.length === 0) {
      void vscode.window.showWarningMessage(`GW HTTP: ${path.basename(uri.fsPath)} has no request to send.`);
      return;
    }
    if (!(await this.confirmed(uri, parsed, indexes))) return;
    this.last =
      indexes.length === 1
        ? { kind: 'request', uri, identity: requestIdentity(parsed.requests[indexes[0]]) }
        : { kind: 'run', uri, count: indexes.length };
    this.running?.abort();
    const controller = new AbortController();
    this.running = controller;
    await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: 'GW HTTP', cancellable: true },
      async (progress, token) => {
        const subscription = token.onCancellationRequested(() => controller.abort());
        try {
          await this.run({ document, version: document.version }, parsed, indexes, controller.signal, (message) =>
            progress.report({ message }),
          );
        } finally {
          subscription.dispose();
        }
      },
    );
    if (this.running === controller) this.running = null;
  }

  private async run(
    sentFrom: { document: vscode.TextDocument; version: number },
    parsed: ParsedDocument,
    indexes: number[],
    signal: AbortSignal,
    report: (message: string) => void,
  ): Promise<void> {
    const uri = sentFrom.document.uri;
    const settings = readSettings(uri);
    const environment = await this.services.environments.nameFor(uri);
    this.client ??= createHttpClient();
    const { context, secrets } = runContextFor(uri, this.services, this.client, signal);
    const file = context.file;
    context.onSending = (request, outgoing) =>
      this.services.panels.show(
        {
          type: 'showPending',
          title: sentTitle(request, outgoing),
          source: `${file}:${request.line}`,
          method: outgoing.method,
          url: outgoing.url,
        },
        null,
        settings.newPanelPerRequest,
      );
    const first = parsed.requests[indexes[0]];
    report(`Sending ${requestTitle(first)}${indexes.length > 1 ? ` and ${indexes.length - 1} more` : ''}…`);
    const results: RunResult[] = [];
    try {
      for await (const result of runRequests(parsed, indexes, context)) {
        const request = parsed.requests[result.index];
        results.push(result);
        this.services.outcomes.record(sentFrom.document, sentFrom.version, result.index, outcomeLine(result));
        if (result.response && result.request) {
          this.services.logger.info(
            `${result.request.method} ${result.request.url} → ${result.response.status} ${result.response.statusText} in ${result.response.timings.totalMs.toFixed(0)} ms (${file}:${request.line})`,
          );
          this.show(uri, request, result, { ...settings, environment, secrets: secrets.values });
        } else if (result.error) {
          reportSendError(result.error, `${file}:${request.line}`, requestTitle(request), this.services, {
            openPanel: true,
          });
          return;
        }
      }
    } catch (error) {
      reportSendError(error, `${file}:${first.line}`, requestTitle(first), this.services, { openPanel: true });
    }
    if (results.length > 1) this.summarise(results);
  }

  /** After Send All: how many requests passed (2xx or their assertions) and failed. */
  private summarise(results: readonly RunResult[]): void {
    const summary = `GW HTTP: ${runSummary(results)}.`;
    this.lastSummary = summary;
    this.services.logger.info(summary);
    if (results.every(resultPassed)) void vscode.window.showInformationMessage(summary);
    else void vscode.window.showWarningMessage(summary);
  }

  private show(
    uri: vscode.Uri,
    request: ParsedRequest,
    result: RunResult,
    shown: {
      newPanelPerRequest: boolean;
      inlineBodyLimitBytes: number;
      environment: string | null;
      /** Every secret of the run (the environment's and each one a source handed out), masked in the panel. */
      secrets: readonly string[];
    },
  ): void {
    const { newPanelPerRequest: newPanel, inlineBodyLimitBytes: inlineBytes } = shown;
    const response = result.response!;
    const model = buildResponseViewModel(
      {
        id: this.nextModelId++,
        title: sentTitle(request, result.request),
        source: `${vscode.workspace.asRelativePath(uri)}:${request.line}`,
        environment: shown.environment,
        sentAt: result.sentAt ?? systemClock.now(),
        request: result.request!,
        signing: result.signing,
        response,
        throttle: result.throttle,
        explanation: result.explanation,
        warnings: result.warnings,
        assertions: result.assertions,
        earlier: earlierExchanges(result),
        cookiesSet: result.cookiesSet,
        secrets: [...shown.secrets],
      },
      { ...defaultBodyLimits, inlineBytes, prettyBytes: Math.min(defaultBodyLimits.prettyBytes, inlineBytes) },
    );
    if (model.throttle) this.services.statusBar.recordThrottle(result.signing?.keyId ?? null, model.throttle);
    const context = {
      model,
      body: response.body,
      bodyFile: response.bodyFile,
      curl: () => this.curlFor(uri, request.index),
    };
    this.services.history.add(model, context);
    this.services.panels.show({ type: 'showResponse', model }, context, newPanel);
  }

  /** A freshly signed cURL command for one request (the secret is never included); null without trust. */
  async curlFor(uri: vscode.Uri, index: number): Promise<CurlCopy | null> {
    if (!(await requireTrust('Copying a signed request'))) return null;
    const document = await vscode.workspace.openTextDocument(uri);
    const parsed = this.services.documents.get(document);
    const context = variableContextFor(uri, this.services.environments, new Map());
    const signed = await signPrepared(
      parsed,
      index,
      context,
      secretSourcesFor(context, this.services.secrets),
      systemClock,
      false,
    );
    return toCurl(signed.request, {
      secrets: signed.secret ? [signed.secret] : [],
      signedAt: signed.signing ? systemClock.now() : null,
    });
  }
}
