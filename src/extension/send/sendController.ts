import * as path from 'node:path';

import * as vscode from 'vscode';

import {
  buildResponseViewModel,
  type ChainedExchange,
  confirmationText,
  createHttpClient,
  type CurlCopy,
  defaultBodyLimits,
  dependencyIndexes,
  earlierExchanges,
  type HttpClient,
  loadFileSecrets,
  type OAuth2Session,
  outcomeLine,
  type OutgoingRequest,
  type ParsedDocument,
  type ParsedRequest,
  prepareAndSign,
  QuotaLedger,
  quotaSampleOf,
  type QuotaUse,
  type Redactor,
  requestIdentity,
  resultPassed,
  runRedactor,
  runRequests,
  type RunResult,
  runSummary,
  savedBodyNote,
  sendDependencies,
  systemClock,
  toCurl,
} from '../../core';
import type { OutputLogger } from '../adapters/outputLogger';
import type { SecretStorageSource } from '../adapters/secretStorageSource';
import { readSettings } from '../adapters/settings';
import type { DocumentCache } from '../language/documentCache';
import type { ResponsePanels } from '../response/responsePanel';
import type { CookieJars } from '../state/cookieJars';
import type { EnvironmentService } from '../state/environmentService';
import type { LastSent } from '../state/lastSent';
import type { PromptedValues } from '../state/promptedValues';
import type { RequestOutcomes } from '../state/requestOutcomes';
import type { ResponseHistory } from '../state/responseHistory';
import type { StatusBar } from '../status/statusBar';
import { Disposable } from '../util/disposable';
import { withDelayedProgress } from './delayedProgress';
import { reportSendError } from './reportSendError';
import { requireTrust } from './requireTrust';
import { runContextFor } from './runContextFor';
import { editorSignContext, variableContextFor } from './sendContext';

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
  /** Answers to prompts, remembered for the window. */
  prompts: PromptedValues;
  /** The window's OAuth2 tokens (memory, and SecretStorage across windows). */
  oauth2: OAuth2Session;
}

/** Sends requests: progress with Cancel, one abort controller per run, results to the panel. */
export class SendController extends Disposable {
  private client: HttpClient | null = null;
  private running: AbortController | null = null;
  private last: LastSent | null = null;
  private nextModelId = 1;
  /** What the gateways reported of each key's quota in this window: the throttling card's chart. */
  private readonly quota = new QuotaLedger(40);
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
    await withDelayedProgress(
      (report) => this.run({ document, version: document.version }, parsed, indexes, controller.signal, report),
      () => controller.abort(),
      { held: () => this.services.prompts.asking },
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
    const { context, redactor } = runContextFor(uri, this.services, this.client, signal);
    const file = context.file;
    context.onSending = (request, outgoing) =>
      this.services.panels.show(
        {
          type: 'showPending',
          title: sentTitle(request, outgoing),
          source: `${file}:${request.line}`,
          method: outgoing.method,
          url: redactor.text(outgoing.url),
        },
        null,
        settings.newPanelPerRequest,
      );
    const first = parsed.requests[indexes[0]];
    report(`Sending ${requestTitle(first)}${indexes.length > 1 ? ` and ${indexes.length - 1} more` : ''}…`);
    context.onWait = (wait) =>
      report(
        wait.secondsLeft > 0
          ? `Waiting ${wait.secondsLeft} s: ${wait.reason === 'window' ? "the gateway's window is used up" : 'the gateway answered 429'} (Cancel stops)…`
          : 'Sending…',
      );
    const results: RunResult[] = [];
    try {
      redactor.addAll(await loadFileSecrets(context.variables));
      for await (const result of runRequests(parsed, indexes, context)) {
        this.services.logger.rememberSecrets(redactor);
        const request = parsed.requests[result.index];
        results.push(result);
        this.services.outcomes.record(sentFrom.document, sentFrom.version, result.index, outcomeLine(result));
        if (result.response && result.request) {
          this.services.logger.info(
            `${result.request.method} ${result.request.url} → ${result.response.status} ${result.response.statusText} in ${result.response.timings.totalMs.toFixed(0)} ms (${file}:${request.line})`,
          );
          this.show(uri, request, result, { ...settings, environment, redactor });
        } else if (result.error) {
          reportSendError(result.error, `${file}:${request.line}`, requestTitle(request), this.services, {
            openPanel: true,
          });
          return;
        }
      }
    } catch (error) {
      this.services.logger.rememberSecrets(redactor);
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

  /** This key's (and plan's) recent sends in this window, this one last; none when its gateway reports nothing. */
  private quotaHistory(result: RunResult): QuotaUse['points'] | undefined {
    const sample = quotaSampleOf(result, systemClock.now());
    return (sample && this.quota.record(sample)?.points) ?? undefined;
  }

  private show(
    uri: vscode.Uri,
    request: ParsedRequest,
    result: RunResult,
    shown: {
      newPanelPerRequest: boolean;
      inlineBodyLimitBytes: number;
      environment: string | null;
      /** Masks every secret of the run (the environment's, the files', each one a source handed out) in the panel. */
      redactor: Redactor;
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
        notes: result.savedTo ? [savedBodyNote(vscode.workspace.asRelativePath(result.savedTo))] : [],
        assertions: result.assertions,
        earlier: earlierExchanges(result),
        redactor: shown.redactor,
        quotaHistory: this.quotaHistory(result),
        cookiesSet: result.cookiesSet,
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
    const sign = editorSignContext(uri, this.services);
    const redactor = runRedactor(sign.variables.processEnv);
    const signed = await prepareAndSign(parsed, parsed.requests[index], new Map(), {
      ...sign,
      secretSources: sign.secretSources.map((source) => redactor.watch(source)),
    });
    redactor.addAll([...signed.secrets, ...(signed.prepared.secrets ?? [])]);
    redactor.addAll(await loadFileSecrets(sign.variables));
    return toCurl(signed.request, {
      redactor,
      signedAt: signed.signing ? signed.signedAt : null,
      httpVersion: signed.httpVersion,
    });
  }

  /**
   * The exchanges a chained request needs before it can be signed (Preview Signature): its
   * dependencies sent first as Send sends them, after the same trust check and confirmation. An
   * empty chain when it chains nothing; null when not sent (no trust, not confirmed); the failed
   * dependency's result when one could not be sent.
   */
  async dependenciesFor(
    uri: vscode.Uri,
    parsed: ParsedDocument,
    index: number,
  ): Promise<{ chain: ReadonlyMap<string, ChainedExchange> } | { failed: RunResult } | null> {
    const request = parsed.requests[index];
    const indexes = await dependencyIndexes(
      parsed,
      request,
      variableContextFor(uri, this.services.environments, { oauth2: this.services.oauth2 }),
    );
    if (indexes.length === 0) return { chain: new Map() };
    if (!(await requireTrust('Sending the requests this one chains'))) return null;
    if (!(await this.confirmed(uri, parsed, indexes))) return null;
    this.client ??= createHttpClient();
    const controller = new AbortController();
    const { context } = runContextFor(uri, this.services, this.client, controller.signal);
    const sent = await sendDependencies(parsed, indexes, context);
    for (const result of sent.results) {
      this.services.logger.info(
        `Sent first for ${requestTitle(request)}: ${outcomeLine(result)} (${context.file}:${result.location.line})`,
      );
    }
    return sent.failed ? { failed: sent.failed } : { chain: sent.chain };
  }
}
