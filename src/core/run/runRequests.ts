import { responseText } from '../http/responseText';
import type { ParsedDocument, ParsedRequest } from '../model/document';
import { preloadVariables, selectedEnvironmentValues } from '../variables/preloadVariables';
import { referencedRequestNames } from '../variables/referencedRequestNames';
import type { ChainedExchange } from '../variables/variableContext';
import { assertSendable } from './parseProblems';
import { retryRateLimited } from './retryRateLimited';
import { runOne } from './runOne';
import type { RunContext, RunResult } from './runTypes';

/**
 * Runs the chosen requests in order, yielding one result per request sent. A request that refers to
 * a named request not yet sent in this run (`{{login.response…}}`) has that request sent first (it is
 * yielded too, and not sent again later). Throws GwHttpError('parse') before sending anything when a
 * chosen request has an error diagnostic. Stops when the signal is aborted.
 */
export async function* runRequests(
  document: ParsedDocument,
  indexes: readonly number[],
  context: RunContext,
): AsyncGenerator<RunResult> {
  assertSendable(document, indexes, context.file);
  const chain = new Map<string, ChainedExchange>();
  const done = new Set<number>();
  const preloaded = await preloadRun(context);
  const environment = selectedEnvironmentValues(preloaded.variables);
  for (const index of indexes) {
    const request = document.requests[index];
    if (!request) continue;
    const frames: Frame[] = [{ request, names: null, next: 0, stack: [] }];
    while (frames.length > 0) {
      const ready = nextToSend(document, frames, chain, done, preloaded.signal, environment);
      if (ready === undefined) continue;
      if (ready === null || preloaded.signal?.aborted) return;
      done.add(ready.index);
      const retry = preloaded.retryRateLimited ?? null;
      const result =
        retry === null
          ? await runOne(document, ready, chain, preloaded)
          : await retryRateLimited(() => runOne(document, ready, chain, preloaded), retry, preloaded.signal);
      if (ready.name && result.response && result.request) chain.set(ready.name, chainedExchange(result));
      yield result;
    }
  }
}

/** Env files and `.env` are read once per run, not once per request; signing choices are kept per run. */
async function preloadRun(context: RunContext): Promise<RunContext> {
  return {
    ...context,
    variables: await preloadVariables(context.variables),
    signingMemo: context.signingMemo ?? new Map(),
    privateKeys: context.privateKeys ?? new Map(),
  };
}

/** A request on the way to being sent: its dependencies (`names`) are sent first, one by one. */
interface Frame {
  request: ParsedRequest;
  names: string[] | null;
  next: number;
  stack: readonly number[];
}

/**
 * One step of the depth-first walk over dependencies (one flat loop rather than a nested async
 * generator per request, whose `yield*` chain cost more per request than the rest of the run).
 * Returns the request to send now, undefined to step again, or null when the run was aborted.
 */
function nextToSend(
  document: ParsedDocument,
  frames: Frame[],
  chain: ReadonlyMap<string, ChainedExchange>,
  done: ReadonlySet<number>,
  signal: AbortSignal | undefined,
  environment: Readonly<Record<string, string>>,
): ParsedRequest | null | undefined {
  const frame = frames[frames.length - 1];
  if (frame.names === null) {
    if (signal?.aborted) return null;
    if (done.has(frame.request.index)) {
      frames.pop();
      return undefined;
    }
    frame.names = referencedRequestNames(frame.request, document, environment);
  }
  while (frame.next < frame.names.length) {
    const name = frame.names[frame.next++];
    if (chain.has(name)) continue;
    const dependency = document.requests.find((candidate) => candidate.name === name);
    // A missing or cyclic dependency is left to prepareRequest, which names the unresolved reference.
    if (!dependency || dependency.index === frame.request.index || frame.stack.includes(dependency.index)) continue;
    frames.push({ request: dependency, names: null, next: 0, stack: [...frame.stack, frame.request.index] });
    return undefined;
  }
  frames.pop();
  return frame.request;
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
