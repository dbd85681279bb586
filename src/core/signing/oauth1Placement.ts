import type { HeaderField } from '../model/outgoing';
import { headerValue } from './headerFields';
import { uriEncode } from './percentEncode';
import { SchemeSigningError } from './schemeSigningError';
import type { SchemeInput, SigningPlan } from './signingTypes';

/** Where the OAuth protocol parameters travel (RFC 5849 §3.5): Authorization header, query, or form body. */
export type Oauth1Placement = 'header' | 'query' | 'body';

export function oauth1Placement(plan: SigningPlan): Oauth1Placement {
  const written = (plan.parameters.placement ?? 'header').toLowerCase();
  return written === 'query' || written === 'body' ? written : 'header';
}

/** `a=1&oauth_nonce=x&b` without the `oauth_*` pieces (a stale signature of an earlier send). */
function withoutProtocolPieces(text: string): string {
  return text
    .split('&')
    .filter((piece) => !/^oauth_/i.test(piece))
    .join('&');
}

function isFormBody(input: SchemeInput): boolean {
  const type = headerValue(input.headers, 'content-type')?.split(';')[0].trim().toLowerCase();
  return type === 'application/x-www-form-urlencoded';
}

/**
 * The URL and body the signature is computed over and then extended: for `query` the URL without stale
 * `oauth_*` parameters, for `body` the form body without them (a body placement needs a form body).
 */
export function oauth1BaseRequest(input: SchemeInput, placement: Oauth1Placement): SchemeInput {
  if (placement === 'query') {
    const url = input.url.replace(/#.*$/, '');
    const queryAt = url.indexOf('?');
    if (queryAt < 0) return { ...input, url };
    const query = withoutProtocolPieces(url.slice(queryAt + 1));
    return { ...input, url: query === '' ? url.slice(0, queryAt) : `${url.slice(0, queryAt + 1)}${query}` };
  }
  if (placement === 'body') {
    if (!isFormBody(input)) {
      throw new SchemeSigningError(
        'placement=body puts the OAuth parameters into the form body, so the request needs Content-Type: application/x-www-form-urlencoded',
      );
    }
    const text = withoutProtocolPieces(Buffer.from(input.body ?? new Uint8Array(0)).toString('utf8'));
    return { ...input, body: new Uint8Array(Buffer.from(text, 'utf8')) };
  }
  return input;
}

export interface PlacedParameters {
  authorization: string;
  signatureHeaders: HeaderField[];
  url?: string;
  body?: Uint8Array;
}

/** The protocol parameters (signature last) put where `placement` says, over the base request's URL or body. */
export function placeOauth1Parameters(
  base: SchemeInput,
  placement: Oauth1Placement,
  pairs: readonly (readonly [string, string])[],
  realm: string | undefined,
): PlacedParameters {
  if (placement === 'header') {
    const fields = pairs.map(([name, value]) => `${name}="${uriEncode(value)}"`);
    if (realm !== undefined) fields.unshift(`realm="${realm.replace(/["\\]/g, '')}"`);
    const authorization = `OAuth ${fields.join(', ')}`;
    return { authorization, signatureHeaders: [{ name: 'Authorization', value: authorization }] };
  }
  const encoded = pairs.map(([name, value]) => `${uriEncode(name)}=${uriEncode(value)}`).join('&');
  if (placement === 'query') {
    const separator = !base.url.includes('?') ? '?' : /[?&]$/.test(base.url) ? '' : '&';
    return { authorization: encoded, signatureHeaders: [], url: `${base.url}${separator}${encoded}` };
  }
  const before = Buffer.from(base.body ?? new Uint8Array(0)).toString('utf8');
  const body = new Uint8Array(Buffer.from(before === '' ? encoded : `${before}&${encoded}`, 'utf8'));
  // A Content-Length written in the file would no longer fit the body.
  const written = headerValue(base.headers, 'content-length') !== undefined;
  const signatureHeaders = written ? [{ name: 'Content-Length', value: String(body.length) }] : [];
  return { authorization: encoded, signatureHeaders, body };
}
