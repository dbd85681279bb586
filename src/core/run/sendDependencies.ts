import type { ParsedDocument, ParsedRequest } from '../model/document';
import { preloadVariables, selectedEnvironmentValues } from '../variables/preloadVariables';
import { referencedRequestNames } from '../variables/referencedRequestNames';
import type { ChainedExchange } from '../variables/variableContext';
import { chainedExchange, runRequests } from './runRequests';
import type { RunContext, RunResult } from './runTypes';

/**
 * The requests that must be sent before `request` for its `{{name.response…}}` references (its own,
 * its environment's, and theirs in turn), in the order Send sends them; empty for a request that
 * chains nothing. A missing or cyclic reference is left out (prepareRequest names it).
 */
export async function dependencyIndexes(
  document: ParsedDocument,
  request: ParsedRequest,
  variables: RunContext['variables'],
): Promise<number[]> {
  const environment = selectedEnvironmentValues(await preloadVariables(variables));
  const order: number[] = [];
  const visit = (current: ParsedRequest, stack: readonly number[]): void => {
    for (const name of referencedRequestNames(current, document, environment)) {
      const dependency = document.requests.find((candidate) => candidate.name === name);
      if (!dependency || dependency.index === request.index || stack.includes(dependency.index)) continue;
      if (order.includes(dependency.index)) continue;
      visit(dependency, [...stack, dependency.index]);
      order.push(dependency.index);
    }
  };
  visit(request, [request.index]);
  return order;
}

/** The exchanges of the dependencies sent, and the first that failed (then nothing after it is sent). */
export interface SentDependencies {
  chain: Map<string, ChainedExchange>;
  results: RunResult[];
  failed: RunResult | null;
}

/** Sends the dependencies as Send does (runRequests) and keeps their exchanges for `{{name.response…}}`. */
export async function sendDependencies(
  document: ParsedDocument,
  indexes: readonly number[],
  context: RunContext,
): Promise<SentDependencies> {
  const sent: SentDependencies = { chain: new Map(), results: [], failed: null };
  for await (const result of runRequests(document, indexes, context)) {
    sent.results.push(result);
    if (!result.response || !result.request) {
      sent.failed = result;
      break;
    }
    const { name } = document.requests[result.index];
    if (name) sent.chain.set(name, chainedExchange(result));
  }
  return sent;
}
