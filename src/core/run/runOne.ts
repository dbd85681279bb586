import type { evaluateAssertions } from '../assert/evaluateAssertions';
import type { RequestCookies } from '../cookies/requestCookies';
import { GwHttpError, type SourceLocation } from '../errors';
import type { explainGatewayError, Explanation } from '../explain/explainGatewayError';
import type { HttpResponse } from '../http/httpResponse';
import { responseText } from '../http/responseText';
import { sendHttp } from '../http/sendHttp';
import type { SendOptions } from '../http/sendOptions';
import { type DirectiveName, directiveOf, type ParsedDocument, type ParsedRequest } from '../model/document';
import type { HeaderField, OutgoingRequest } from '../model/outgoing';
import type { SigningPlan } from '../signing/signingTypes';
import { parseThrottle, throttleHeaderNames } from '../throttle/parseThrottle';
import type { PreparedRequest } from '../variables/preparedRequest';
import type { ChainedExchange } from '../variables/variableContext';
import { cookieStep, redirectWithCookies } from './cookieStep';
import { digestRoundTrip } from './digestRoundTrip';
import { exchangeWarnings } from './exchangeWarnings';
import { parseProblems } from './parseProblems';
import { prepareAndSign, type SignedOutgoing } from './prepareAndSign';
import { runError } from './runError';
import type { RunContext, RunResult } from './runTypes';
import { saveResponseStep } from './saveResponseStep';
import { snapshotStep } from './snapshotStep';
import { certificateLookup, http2FallbackWarning } from './transportStep';

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
  try {
    const problem = parseProblems(document, [request.index])[0];
    if (problem) {
      throw new GwHttpError(
        'parse',
        problem.message,
        { file: context.file, line: problem.line },
        {
          hint: 'Fix the file; nothing was sent.',
        },
      );
    }
    let cookies: RequestCookies | null = null;
    // The sign step's own context, not a copy of the whole run context per request.
    const signed = await prepareAndSign(document, request, chain, {
      file: context.file,
      variables: context.variables,
      secretSources: context.secretSources,
      clock: context.clock,
      signingMemo: context.signingMemo,
      privateKeys: context.privateKeys,
      nonce: context.nonce,
      signal: context.signal,
      httpVersion: context.httpVersion,
      onPrepared: (prepared) => {
        // The jar's cookies join the prepared request before it is signed.
        cookies = cookieStep(prepared, context, result);
        result.request = prepared.outgoing;
        context.redactor.addAll(prepared.secrets ?? []);
      },
      onSecrets: (inPlay) => context.redactor.addAll(inPlay),
      beforeSign: context.beforeSend,
    });
    const prepared = signed.prepared;
    const { resign, answerChallenge, onHttp1Fallback } = signedStart(signed, result);
    context.onSending?.(request, signed.request);
    const jar = cookies as RequestCookies | null;
    const options = {
      ...sendOptions(prepared, context, redirectWithCookies(jar, resign)),
      onHop: jar?.received,
    };
    if (signed.httpVersion === '2') options.httpVersion = '2';
    if (onHttp1Fallback) options.onHttp1Fallback = onHttp1Fallback;
    const certificateFor = certificateLookup(context.variables, context);
    if (certificateFor) options.certificateFor = certificateFor;
    const send = (request: OutgoingRequest) => sendHttp(request, options);
    const first = await send(signed.request);
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
    const fallback = http2FallbackWarning(signed.httpVersion, response);
    if (fallback) result.warnings.push(fallback);
    saveResponseStep(prepared.saveResponse ?? null, result, context);
  } catch (error) {
    result.error = runError(error, location, context.variables.requestFile, context.redactor);
  }
  return result;
}

/** Records the signed request on the result; returns the re-signer for redirect hops and the Digest answerer. */
function signedStart(signed: SignedOutgoing, result: RunResult): SignedStart {
  result.request = signed.request;
  result.signing = signed.signing;
  result.sentAt = signed.signedAt;
  const { plan, secret, resign, resignOverHttp1 } = signed;
  if (plan === null || secret === null || resign === null) return {};
  // Once an HTTP/2 exchange went over HTTP/1.1, its hops are signed for HTTP/1.1.
  let overHttp1 = false;
  const again = (next: OutgoingRequest) => {
    const hop = (overHttp1 && resignOverHttp1 ? resignOverHttp1 : resign)(next);
    result.signing = hop.signing;
    return hop.request;
  };
  const fallback = (next: OutgoingRequest) => {
    overHttp1 = true;
    return again(next);
  };
  return {
    resign: again,
    answerChallenge: plan.scheme === 'digest' ? digestAnswerer(plan, secret, result) : undefined,
    onHttp1Fallback: resignOverHttp1 ? fallback : undefined,
  };
}

/** The re-signer for redirect hops, and what answers a 401 challenge (Digest). */
interface SignedStart {
  resign?: (next: OutgoingRequest) => OutgoingRequest;
  /** Signs the hop again for HTTP/1.1 when an HTTP/2 exchange falls back (only when the signature differs). */
  onHttp1Fallback?: (next: OutgoingRequest) => OutgoingRequest;
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
    location,
    details: {},
    message: `the gateway answered ${response.status} "${explanation.gatewayMessage}": ${explanation.cause}`,
    hint: explanation.fix,
  };
}
