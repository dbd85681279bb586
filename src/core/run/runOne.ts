import type { evaluateAssertions } from '../assert/evaluateAssertions';
import { GwHttpError, type SourceLocation } from '../errors';
import type { explainGatewayError, Explanation } from '../explain/explainGatewayError';
import type { HttpResponse } from '../http/httpResponse';
import { responseText } from '../http/responseText';
import { sendHttp } from '../http/sendHttp';
import type { SendOptions } from '../http/sendOptions';
import { type DirectiveName, directiveOf, type ParsedDocument, type ParsedRequest } from '../model/document';
import type { HeaderField, OutgoingRequest } from '../model/outgoing';
import { sensitiveParameters } from '../signing/sensitiveParameters';
import type { SigningPlan } from '../signing/signingTypes';
import { signRequest } from '../signing/signRequest';
import { parseThrottle, throttleHeaderNames } from '../throttle/parseThrottle';
import type { PreparedRequest } from '../variables/preparedRequest';
import { prepareRequest } from '../variables/prepareRequest';
import type { ChainedExchange } from '../variables/variableContext';
import { cookieStep, redirectWithCookies } from './cookieStep';
import { digestRoundTrip } from './digestRoundTrip';
import { exchangeWarnings } from './exchangeWarnings';
import { parseProblems } from './parseProblems';
import { resolveSigning } from './resolveSigning';
import { runError } from './runError';
import type { RunContext, RunResult } from './runTypes';
import { snapshotStep } from './snapshotStep';

/**
 * One request through the pipeline: prepare (variables) → select signing → secret → sign → send
 * (re-signed on every redirect hop) → throttle → explain. Never throws: failures become `error`.
 */
export async function runOne(
  document: ParsedDocument,
  request: ParsedRequest,
  chain: ReadonlyMap<string, ChainedExchange>,
  context: RunContext,
): Promise<RunResult> {
  const location: SourceLocation = { file: context.file, line: request.line };
  const result: RunResult = {
    index: request.index,
    name: request.name,
    location,
    request: null,
    signing: null,
    response: null,
    throttle: null,
    explanation: null,
    error: null,
    sentAt: null,
    warnings: [],
    assertions: [],
  };
  const secrets: string[] = [];
  try {
    const problem = parseProblems(document, [request.index])[0];
    if (problem) {
      throw new GwHttpError(
        'parse',
        `${context.file}:${problem.line}: ${problem.message}`,
        'Fix the file; nothing was sent.',
      );
    }
    const prepared = await prepareRequest(document, request, { ...context.variables, chain });
    const cookies = cookieStep(prepared, context, result);
    result.request = prepared.outgoing;
    const { resign, answerChallenge } = await signFirst(prepared, result, secrets, context);
    context.onSending?.(request, result.request);
    const options = {
      ...sendOptions(prepared, context, redirectWithCookies(cookies, resign)),
      onHop: cookies?.received,
    };
    const send = (request: OutgoingRequest) => sendHttp(request, options);
    const first = await send(result.request);
    const response = answerChallenge ? await answerChallenge(first, send) : first;
    result.request = response.request;
    result.response = response;
    result.throttle = hasThrottleHeader(response.headers) ? parseThrottle(response.headers, context.clock.now()) : null;
    result.explanation = explain(response, result);
    if (result.explanation) result.error = gatewayError(response, result.explanation, location);
    if (prepared.assertions.length > 0) {
      // Loaded only for requests that have assertions (the CLI keeps it out of its send bundle).
      const evaluate = (require('../assert/evaluateAssertions') as { evaluateAssertions: typeof evaluateAssertions })
        .evaluateAssertions;
      result.assertions = evaluate(prepared.assertions, {
        status: response.status,
        headers: response.headers,
        bodyText: responseText(response),
        body: response.body,
        totalMs: response.timings.totalMs,
      });
    }
    snapshotStep(document, request, result, context);
    result.warnings = exchangeWarnings({
      status: response.status,
      headers: response.headers,
      signing: result.signing,
      sentAt: result.sentAt,
      throttle: result.throttle,
      explainedClock: result.explanation?.about === 'clock',
    });
  } catch (error) {
    result.error = runError(error, location, secrets);
  }
  return result;
}

/** Signs the prepared request when it asks for signing; returns the re-signer for redirect hops. */
async function signFirst(
  prepared: PreparedRequest,
  result: RunResult,
  secrets: string[],
  context: RunContext,
): Promise<SignedStart> {
  const signing = await resolveSigning(prepared, {
    file: context.file,
    sources: context.secretSources,
    location: result.location,
    memo: context.signingMemo,
  });
  if (!signing) {
    result.sentAt = context.clock.now();
    return {};
  }
  const { plan, secret, otherSecrets } = signing;
  secrets.push(secret, ...sensitiveParameters(plan), ...otherSecrets.values());
  const extras = { otherSecrets, privateKeys: context.privateKeys };
  result.sentAt = context.clock.now();
  const signed = signRequest(prepared.outgoing, plan, secret, context.clock, extras);
  result.request = signed.request;
  result.signing = signed.signing;
  const resign = (next: OutgoingRequest) => {
    const again = signRequest(next, plan, secret, context.clock, extras);
    result.signing = again.signing;
    return again.request;
  };
  return { resign, answerChallenge: plan.scheme === 'digest' ? digestAnswerer(plan, secret, result) : undefined };
}

/** The re-signer for redirect hops, and what answers a 401 challenge (Digest). */
interface SignedStart {
  resign?: (next: OutgoingRequest) => OutgoingRequest;
  answerChallenge?: (
    first: HttpResponse,
    send: (request: OutgoingRequest) => Promise<HttpResponse>,
  ) => Promise<HttpResponse>;
}

function digestAnswerer(plan: SigningPlan, password: string, result: RunResult): SignedStart['answerChallenge'] {
  return async (first, send) => {
    const roundTrip = await digestRoundTrip(first, plan, password, send);
    result.digestChallenge = roundTrip.challenge;
    if (roundTrip.signing) result.signing = roundTrip.signing;
    return roundTrip.response;
  };
}

function directive(prepared: PreparedRequest, name: DirectiveName): string | null {
  return directiveOf(prepared, name)?.value.trim() ?? null;
}

function sendOptions(
  prepared: PreparedRequest,
  context: RunContext,
  onRedirect: ((next: OutgoingRequest) => OutgoingRequest) | undefined,
): SendOptions {
  const timeout = Number(directive(prepared, 'timeout'));
  return {
    client: context.client,
    signal: context.signal,
    timeoutMs: Number.isFinite(timeout) && timeout > 0 ? timeout : context.timeoutMs,
    followRedirects: context.followRedirects && directive(prepared, 'no-redirect') === null,
    insecure: context.insecure || directive(prepared, 'insecure') !== null,
    env: context.env,
    onRedirect,
    displayLimit: context.displayLimit,
    maxHeaderSize: context.maxHeaderSize,
    memoryLimit: context.memoryLimit,
    spillDirectory: context.spillDirectory,
  };
}

/**
 * Whether `parseThrottle` can find anything (it returns null for a response with none of its
 * names); most responses have none, and this avoids its lookup table and the clock for them.
 */
function hasThrottleHeader(headers: readonly HeaderField[]): boolean {
  for (const header of headers) if (throttleHeaderNames.includes(header.name.toLowerCase())) return true;
  return false;
}

function explain(response: HttpResponse, result: RunResult): Explanation | null {
  if (response.status < 400) return null;
  // The gateway error tables are loaded only for error statuses (a run of successes never needs them).
  const explainer = (require('../explain/explainGatewayError') as { explainGatewayError: typeof explainGatewayError })
    .explainGatewayError;
  return explainer({
    status: response.status,
    headers: response.headers,
    bodyText: response.bodyText,
    signing: result.signing,
    sentAt: result.sentAt ?? new Date(0),
  });
}

function gatewayError(response: HttpResponse, explanation: Explanation, location: SourceLocation): RunResult['error'] {
  return {
    code: 'gatewayRejected',
    message: `${location.file}:${location.line}: the gateway answered ${response.status} "${explanation.gatewayMessage}": ${explanation.cause}`,
    hint: explanation.fix,
  };
}
