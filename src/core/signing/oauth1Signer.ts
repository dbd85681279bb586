import { createHmac } from 'node:crypto';

import { headerValue } from './headerFields';
import { oauth1BaseRequest, oauth1Placement, placeOauth1Parameters } from './oauth1Placement';
import { uriEncode } from './percentEncode';
import { parseQueryPairs, requestTarget } from './requestTarget';
import { anyValue, oneOf, type SchemeOptionRules } from './schemeOptionRules';
import type { SchemeInput, SchemeOutput, SchemeSigner } from './signingTypes';

/** `# @sign oauth1 …` options (signing-clouds.md §8); the token secret is looked up by `token=`. */
export const oauth1OptionRules: SchemeOptionRules = {
  required: [],
  options: {
    token: anyValue,
    realm: anyValue,
    version: oneOf('1.0', 'none'),
    nonce: anyValue,
    placement: oneOf('header', 'query', 'body'),
    callback: anyValue,
    verifier: anyValue,
  },
};

/** Protocol parameters in the order they are written into the header. */
function protocolParameters(input: SchemeInput): [string, string][] {
  const options = input.plan.parameters;
  const parameters: [string, string][] = [['oauth_consumer_key', input.plan.keyId]];
  if (options.token !== undefined) parameters.push(['oauth_token', options.token]);
  parameters.push(['oauth_signature_method', 'HMAC-SHA1']);
  parameters.push(['oauth_timestamp', String(Math.floor(input.now.getTime() / 1000))]);
  parameters.push(['oauth_nonce', options.nonce ?? input.nonce]);
  if ((options.version ?? '1.0') !== 'none') parameters.push(['oauth_version', '1.0']);
  if (options.callback !== undefined) parameters.push(['oauth_callback', options.callback]);
  if (options.verifier !== undefined) parameters.push(['oauth_verifier', options.verifier]);
  return parameters;
}

function formBodyPairs(input: SchemeInput): [string, string | null][] {
  const type = headerValue(input.headers, 'content-type')?.split(';')[0].trim().toLowerCase();
  if (type !== 'application/x-www-form-urlencoded' || input.body === null) return [];
  return parseQueryPairs(Buffer.from(input.body).toString('utf8'));
}

/** Base URI (RFC 5849 §3.4.1.2): scheme and host lower-case, default port dropped, the wire path. */
function baseUri(input: SchemeInput): string {
  const target = requestTarget(input.url);
  const url = /^https?:\/\//i.test(input.url) ? new URL(input.url) : null;
  const scheme = url ? url.protocol.slice(0, -1) : 'https';
  const host = (url ? url.host : (headerValue(input.headers, 'host') ?? '')).toLowerCase();
  return `${scheme}://${host}${target.path}`;
}

/** `name=value` pairs, each encoded, sorted by name then value (byte order), joined with `&`. */
function normalisedParameters(pairs: readonly [string, string | null][]): string {
  return pairs
    .map(([name, value]) => [uriEncode(name), uriEncode(value ?? '')])
    .sort(([a, x], [b, y]) => (a === b ? (x < y ? -1 : x > y ? 1 : 0) : a < b ? -1 : 1))
    .map(([name, value]) => `${name}=${value}`)
    .join('&');
}

/**
 * OAuth 1.0a HMAC-SHA1 (RFC 5849 §3.4): query, form body and protocol parameters, signed over the URL and
 * body as sent; the parameters go into the Authorization header, the query or the form body (§3.5).
 */
export const oauth1Signer: SchemeSigner = {
  // With the parameters in the query or body, a template's Authorization: OAuth … must not be sent too.
  staleHeaders: (plan) => (oauth1Placement(plan) === 'header' ? [] : ['authorization']),
  derivedHeaders: () => [],
  sign(input: SchemeInput, secret: string): SchemeOutput {
    const options = input.plan.parameters;
    const placement = oauth1Placement(input.plan);
    const base = oauth1BaseRequest(input, placement);
    const protocol = protocolParameters(base);
    const query = parseQueryPairs(requestTarget(base.url).query);
    const parameters = normalisedParameters([...query, ...formBodyPairs(base), ...protocol]);
    const signingString = `${base.method}&${uriEncode(baseUri(base))}&${uriEncode(parameters)}`;
    const tokenSecret = options.token === undefined ? '' : (input.otherSecrets.get(options.token) ?? '');
    const key = `${uriEncode(secret)}&${uriEncode(tokenSecret)}`;
    const signature = createHmac('sha1', key).update(signingString).digest('base64');
    const pairs: [string, string][] = [...protocol, ['oauth_signature', signature]];
    const placed = placeOauth1Parameters(base, placement, pairs, options.realm);
    return { signedHeaders: [], signingString, signature, algorithm: 'HMAC-SHA1', ...placed };
  },
};
