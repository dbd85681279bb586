import { type KeyObject, randomUUID } from 'node:crypto';

import { GwHttpError } from '../errors';
import type { HeaderField, OutgoingRequest } from '../model/outgoing';
import type { Clock } from '../ports';
import { wireTarget } from './cloudEncoding';
import { headerValue, removeHeaders, sameName, setHeader } from './headerFields';
import { formatHttpDate } from './httpDate';
import { isBareHost, normaliseRequestUrl, requestTarget } from './requestTarget';
import { schemeRegistry } from './schemeRegistry';
import { SchemeSigningError } from './schemeSigningError';
import { keyIdProblem, signedHeaderProblems } from './signedHeaderProblems';
import type { SchemeInput, SchemeOutput, SignedRequest, SigningPlan } from './signingTypes';

/** An Authorization value that is a signing template or a stale signature (never sent as is). */
export function isSignatureAuthorization(value: string): boolean {
  return (
    /^\s*(hmac\s|signature\s|hmac-auth-v1#)/i.test(value) ||
    /^\s*keyId=/i.test(value) ||
    /^\s*(AWS4-HMAC-SHA256|TC3-HMAC-SHA256|SDK-HMAC-SHA256)\s/i.test(value)
  );
}

function withoutStaleHeaders(headers: readonly HeaderField[], plan: SigningPlan): HeaderField[] {
  const stale = schemeRegistry[plan.scheme].signer.staleHeaders(plan);
  // The header the signature goes into is replaced in place later; other signature headers are stale.
  const outputHeader = plan.scheme === 'apisix-legacy' ? '' : plan.signatureHeader.toLowerCase();
  return removeHeaders(headers, (field) => {
    const name = field.name.toLowerCase();
    if (stale.includes(name)) return true;
    if (name === 'authorization' || name === 'signature') {
      return isSignatureAuthorization(field.value) && name !== outputHeader;
    }
    return false;
  });
}

/** Host: a value that is not a bare host[:port] becomes the URL's host; a signed `host` is always sent. */
function withHost(headers: HeaderField[], url: string, plan: SigningPlan): HeaderField[] {
  const current = headerValue(headers, 'host');
  const signsHost = plan.signedHeaders.some((name) => sameName(name, 'host'));
  if ((current !== undefined && !isBareHost(current)) || (current === undefined && signsHost)) {
    // The URL is parsed only when its host is needed.
    const urlHost = requestTarget(url).host;
    return urlHost === null ? headers : setHeader(headers, { name: 'Host', value: urlHost });
  }
  return headers;
}

/** Date from the clock, Source from the plan, Host from the URL; stale date and signature headers gone. */
function baseHeaders(outgoing: OutgoingRequest, url: string, plan: SigningPlan, now: Date): HeaderField[] {
  let headers = withoutStaleHeaders(outgoing.headers, plan);
  const dateName = plan.dateHeader === 'x-date' ? 'X-Date' : 'Date';
  if (schemeRegistry[plan.scheme].addsDateHeader !== false) {
    headers = setHeader(headers, { name: dateName, value: formatHttpDate(now) }, ['date', 'x-date']);
  }
  if (plan.source !== null) headers = setHeader(headers, { name: 'Source', value: plan.source });
  return withHost(headers, url, plan);
}

function signingError(message: string, plan: SigningPlan): GwHttpError {
  return new GwHttpError('signing', `${message} (${plan.scheme} signing)`, null, {
    scheme: plan.scheme,
    hint: 'Fix the request or its signing options; nothing was sent.',
  });
}

/**
 * Signs a request: sets the date header from `clock`, derives Content-MD5/Digest/Host, checks every
 * signed header (present once, non-empty, ASCII), builds the signing string and sets the signature
 * headers in place of any template. Pure; call it again for every retry or redirect hop.
 * Throws GwHttpError('signing') when the request cannot be signed as asked.
 */
export function signRequest(
  outgoing: OutgoingRequest,
  plan: SigningPlan,
  secret: string,
  clock: Clock,
  extras: SigningExtras = {},
): SignedRequest {
  return buildSignedRequest(outgoing, plan, secret, clock, true, extras);
}

/** What some schemes need besides the main secret: a nonce source and further secrets by key id. */
export interface SigningExtras {
  /** A fresh nonce per send (default: a random UUID v4). */
  nonce?: () => string;
  otherSecrets?: ReadonlyMap<string, string>;
  /** Private keys parsed from PEM, reused across the signatures of a run. */
  privateKeys?: Map<string, KeyObject>;
}

/** The scheme's signature; a request it cannot sign as asked becomes GwHttpError('signing') at the plan's line. */
function signWith(input: SchemeInput, secret: string): SchemeOutput {
  try {
    return schemeRegistry[input.plan.scheme].signer.sign(input, secret);
  } catch (error) {
    if (error instanceof SchemeSigningError) throw signingError(error.message, input.plan);
    throw error;
  }
}

/** `signRequest` with the signed-header checks optional (known-answer vectors sign a UTF-8 header). */
export function buildSignedRequest(
  outgoing: OutgoingRequest,
  plan: SigningPlan,
  secret: string,
  clock: Clock,
  checkHeaders: boolean,
  extras: SigningExtras = {},
): SignedRequest {
  const keyProblem = keyIdProblem(plan.keyId, plan.scheme);
  if (keyProblem !== null) throw signingError(keyProblem, plan);
  const { signer, planProblems } = schemeRegistry[plan.scheme];
  const url = normaliseRequestUrl(outgoing.url);
  const now = clock.now();
  const headers = baseHeaders(outgoing, url, plan, now);
  const problems = planProblems?.(plan, headerValue(headers, 'host') ?? wireTarget(url).host) ?? [];
  if (problems.length > 0) throw signingError(problems.join(' '), plan);
  // A `nonce=VALUE` option fixes the nonce (`nonce=auto`, RFC 9421: a fresh one).
  const written = plan.parameters.nonce;
  const fixedNonce = written === undefined || written.toLowerCase() === 'auto' ? undefined : written;
  const input: SchemeInput = {
    method: outgoing.method.toUpperCase(),
    url,
    headers,
    body: outgoing.body,
    plan,
    now,
    nonce: fixedNonce ?? (extras.nonce ?? randomUUID)(),
    otherSecrets: extras.otherSecrets ?? new Map(),
    privateKeys: extras.privateKeys,
  };
  for (const field of signer.derivedHeaders(input)) input.headers = setHeader(input.headers, field);
  if (checkHeaders) {
    const problems = signedHeaderProblems(input.headers, plan.signedHeaders, plan.scheme);
    if (problems.length > 0) throw signingError(problems.map((problem) => problem.message).join(' '), plan);
  }
  const output = signWith(input, secret);
  let signedHeaders = input.headers;
  for (const field of output.signatureHeaders) signedHeaders = setHeader(signedHeaders, field);
  return {
    request: {
      method: input.method,
      url: output.url ?? url,
      headers: signedHeaders,
      body: output.body ?? outgoing.body,
    },
    signing: {
      scheme: plan.scheme,
      keyId: plan.keyId,
      algorithm: output.algorithm ?? plan.algorithm,
      signedHeaders: output.signedHeaders,
      signingString: output.signingString,
      authorization: output.authorization,
      signature: output.signature,
      ...(output.canonicalRequest === undefined ? {} : { canonicalRequest: output.canonicalRequest }),
    },
  };
}
