import { GwHttpError } from '../errors';
import { responseText } from '../http/responseText';
import type { ParsedDocument } from '../model/document';
import { secretsOncePerRun } from '../secrets/secretsOncePerRun';
import type { PacedSend } from '../throttle/quotaPacer';
import { preloadVariables, selectedEnvironmentValues } from '../variables/preloadVariables';
import type { ChainedExchange } from '../variables/variableContext';
import { assertSendable } from './parseProblems';
import { countDirective, type PlannedSend, planRun } from './planRun';
import { type RateLimitRetry, retryRateLimited } from './retryRateLimited';
import { runOne } from './runOne';
import type { RunContext, RunResult } from './runTypes';

/** A planned send under way: its result once answered, and what the pacer was told. */
interface Job {
  send: PlannedSend;
  /** Its result once answered; null before it starts, and again once reported (the run keeps no result it yielded). */
  done: Promise<RunResult> | null;
  started: boolean;
  settled?: boolean;
  /** The send the pacer let go and has not been told the answer of yet (null: none). */
  admitted: PacedSend | null;
  /** The quota budget refused it: it was not sent and the run stops. */
  refused: boolean;
  /** Waits the pacer made before it went. */
  waits: number;
  /** Tries so far (a 429 is sent again with --retry-429 or --pace). */
  tries: number;
}

/**
 * Runs the chosen requests, yielding one result per send in plan order (file order, a request's
 * dependencies first): a request that refers to a named request not yet sent in this run
 * (`{{login.response…}}`) has that request sent first (yielded too, not sent again later). Up to
 * `context.parallel` sends run at a time; one that reads another's exchange waits for it. Each chosen
 * request is sent `--repeat`/`# @repeat` times. Throws GwHttpError('parse') before sending anything
 * when a chosen request has an error diagnostic. Stops when the signal aborts or the quota budget
 * refuses a send (`context.pacer.stopped`).
 */
export async function* runRequests(
  document: ParsedDocument,
  indexes: readonly number[],
  context: RunContext,
): AsyncGenerator<RunResult> {
  assertSendable(document, indexes, context.file);
  const preloaded = await preloadRun(context);
  const fileDirectives = { directives: document.fileDirectives ?? [] };
  const plan = planRun(document, indexes, selectedEnvironmentValues(preloaded.variables), {
    run: context.repeat ?? 1,
    file: countDirective(fileDirectives, 'repeat'),
  });
  const jobs: Job[] = plan.map((send) => ({
    send,
    done: null,
    started: false,
    admitted: null,
    refused: false,
    waits: 0,
    tries: 0,
  }));
  const limit = countDirective(fileDirectives, 'parallel') ?? Math.max(1, context.parallel ?? 1);
  const scheduler = new Scheduler(jobs, document, preloaded, limit);
  for (let cursor = 0; cursor < jobs.length; cursor++) {
    scheduler.fill(cursor);
    const job = jobs[cursor];
    if (job.done === null) return;
    const result = await job.done;
    // Reported results die young: a long run holds none it has yielded (cheaper garbage collection).
    job.done = null;
    // A send the budget refused was not sent: nothing to report (the later ones already sent are).
    if (!job.refused) yield result;
  }
}

/** A 429 is sent again after its wait with --retry-429, and with --pace (up to 5 minutes, 3 times). */
const paceRetry: RateLimitRetry = { maxWaitSeconds: 300, maxRetries: 3 };

/**
 * Starts planned sends in plan order as they become ready: their dependencies answered (a send
 * waiting for one lets later sends overtake it), fewer than the limit under way (a request's own
 * `# @parallel N` lets up to N of its repetitions run together), and not too far ahead of the result
 * being reported, so a long run holds only a window of results at a time.
 */
class Scheduler {
  private running = 0;
  private readonly ownRunning = new Map<number, number>();
  private readonly chain = new Map<string, ChainedExchange>();
  private readonly chainedFrom = new Map<string, number>();
  private readonly lookahead: number;
  private cursor = 0;

  constructor(
    private readonly jobs: Job[],
    private readonly document: ParsedDocument,
    private readonly context: RunContext,
    private readonly limit: number,
  ) {
    const widest = Math.max(limit, ...jobs.map((job) => job.send.ownParallel ?? 1));
    this.lookahead = widest === 1 ? 1 : widest * 4;
  }

  /** Starts every send from `cursor` on (within the lookahead) that may start now. */
  fill(cursor: number): void {
    this.cursor = cursor;
    if (this.context.signal?.aborted || this.context.pacer?.stopped) return;
    const end = Math.min(this.jobs.length, cursor + this.lookahead);
    for (let position = cursor; position < end; position++) {
      const job = this.jobs[position];
      if (job.started) continue;
      // A send waiting for its dependencies lets later ones go; one waiting for a free slot does not.
      if (!job.send.needs.every((need) => this.jobs[need].settled)) continue;
      if (!this.hasRoom(job)) return;
      this.start(job, position);
    }
  }

  /** Fewer than the run's limit under way, or for a request with `# @parallel N`, fewer than N. */
  private hasRoom(job: Job): boolean {
    const own = job.send.ownParallel;
    if (own === null) return this.running < this.limit;
    return this.running < own && (this.ownRunning.get(job.send.request.index) ?? 0) < own;
  }

  private start(job: Job, position: number): void {
    const { request } = job.send;
    this.running++;
    this.ownRunning.set(request.index, (this.ownRunning.get(request.index) ?? 0) + 1);
    const pacer = this.context.pacer;
    const context = pacer?.active
      ? { ...this.context, beforeSend: (send: PacedSend) => this.admit(job, send) }
      : this.context;
    const retry = this.context.retryRateLimited ?? (pacer?.pacing ? paceRetry : null);
    const once = () => this.sendOnce(job, context);
    const sent =
      retry === null
        ? (once() as Promise<RunResult>)
        : retryRateLimited(once, retry, this.context.signal, this.context.onWait);
    job.started = true;
    job.done = sent.then((result) => this.settle(job, position, result));
  }

  /** One try; null when the budget refused a try after a 429 (the 429 is the result then). */
  private async sendOnce(job: Job, context: RunContext): Promise<RunResult | null> {
    job.tries++;
    const result = await runOne(this.document, job.send.request, this.chain, context);
    if (job.admitted) {
      this.context.pacer?.answered(job.admitted, result.response?.status ?? null, result.throttle);
      job.admitted = null;
    }
    if (!job.refused || job.tries === 1) return result;
    job.refused = false;
    return null;
  }

  /** The pre-send hook of runOne: waits for the pacer; a send the budget refuses is not sent. */
  private async admit(job: Job, send: PacedSend): Promise<void> {
    const go = await this.context.pacer!.beforeSend(send, this.context.signal, () => job.waits++);
    if (!go) {
      job.refused = true;
      throw new GwHttpError('aborted', 'Not sent: the run stopped at its quota budget.', null);
    }
    job.admitted = send;
  }

  private settle(job: Job, position: number, result: RunResult): RunResult {
    const { request, repetition } = job.send;
    this.running--;
    this.ownRunning.set(request.index, (this.ownRunning.get(request.index) ?? 1) - 1);
    const name = request.name;
    if (name && result.response && result.request && (this.chainedFrom.get(name) ?? -1) < position) {
      this.chain.set(name, chainedExchange(result));
      this.chainedFrom.set(name, position);
    }
    if (job.waits > 0) result.waits = (result.waits ?? 0) + job.waits;
    if (repetition) result.repetition = repetition;
    job.settled = true;
    this.fill(this.cursor);
    return result;
  }
}

/**
 * Env files and `.env` are read once per run, not once per request; signing choices are kept per run,
 * and each secret source is asked once per key id in the run (secretsOncePerRun).
 */
async function preloadRun(context: RunContext): Promise<RunContext> {
  return {
    ...context,
    variables: await preloadVariables(context.variables),
    secretSources: context.secretSources.map(secretsOncePerRun),
    signingMemo: context.signingMemo ?? new Map(),
    privateKeys: context.privateKeys ?? new Map(),
  };
}

/** What later requests may read of this exchange through `{{name.request…}}` / `{{name.response…}}`. */
export function chainedExchange(result: RunResult): ChainedExchange {
  const request = result.request!;
  const response = result.response!;
  return {
    request: {
      method: request.method,
      url: request.url,
      headers: request.headers,
      body: request.body === null ? null : Buffer.from(request.body).toString('utf8'),
    },
    response: { status: response.status, headers: response.headers, body: responseText(response) },
  };
}
