import { createHmac } from 'node:crypto';

import type { MockRequest } from './mockRequest';
import { authority, base64, first, targetParts } from './mockSignedRequest';

export type Oauth1Failure =
  'parameter_absent' | 'consumer_key_unknown' | 'token_rejected' | 'timestamp_refused' | 'signature_invalid';

/** The mock accepts oauth_timestamp within this many seconds of its clock. */
export const oauthSkewSeconds = 300;

function encode(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
}

function decode(raw: string): string {
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    return raw;
  }
}

function formPairs(text: string): [string, string][] {
  return text
    .split('&')
    .filter((part) => part !== '')
    .map((part) => {
      const equalsAt = part.indexOf('=');
      return equalsAt < 0 ? [decode(part), ''] : [decode(part.slice(0, equalsAt)), decode(part.slice(equalsAt + 1))];
    });
}

/** The query pairs, then the form body pairs when the body is application/x-www-form-urlencoded. */
function requestPairs(request: MockRequest): { query: [string, string][]; form: [string, string][] } {
  const type = first(request, 'content-type').split(';')[0].trim().toLowerCase();
  const form = type === 'application/x-www-form-urlencoded' ? formPairs(request.body.toString('utf8')) : [];
  return { query: formPairs(targetParts(request).query), form };
}

/**
 * The protocol parameters from where the client put them (RFC 5849 §3.5): the Authorization header
 * (`OAuth …`), else the query, else the form body (the `oauth_*` pairs there).
 */
function protocolParameters(request: MockRequest): { protocol: Map<string, string>; inHeader: boolean } {
  const protocol = new Map<string, string>();
  const header = first(request, 'authorization');
  if (/^OAuth\s/i.test(header)) {
    for (const field of header.slice(6).matchAll(/(\w+)="([^"]*)"/g)) protocol.set(field[1], decode(field[2]));
    return { protocol, inHeader: true };
  }
  const { query, form } = requestPairs(request);
  const inQuery = query.some(([name]) => name.startsWith('oauth_'));
  for (const [name, value] of inQuery ? query : form) if (name.startsWith('oauth_')) protocol.set(name, value);
  return { protocol, inHeader: false };
}

/** The base string (§3.4.1): every query and form pair, the header's parameters; never realm or the signature. */
function baseString(request: MockRequest, protocol: ReadonlyMap<string, string>, inHeader: boolean): string {
  const { path } = targetParts(request);
  const { query, form } = requestPairs(request);
  const pairs = [...query, ...form].filter(([name]) => name !== 'oauth_signature');
  if (inHeader) {
    for (const [name, value] of protocol) if (name !== 'realm' && name !== 'oauth_signature') pairs.push([name, value]);
  }
  const normalised = pairs
    .map(([name, value]) => [encode(name), encode(value)])
    .sort(([a, x], [b, y]) => (a !== b ? (a < b ? -1 : 1) : x < y ? -1 : x > y ? 1 : 0))
    .map(([name, value]) => `${name}=${value}`)
    .join('&');
  return `${request.method}&${encode(`http://${authority(request)}${path}`)}&${encode(normalised)}`;
}

/** RFC 5849 §3.2 server checks (parameters in the header, the query or the form body): protocol parameters, consumer and token known, timestamp, HMAC-SHA1. */
export function verifyOauth1Request(
  request: MockRequest,
  consumers: ReadonlyMap<string, string>,
  tokens: ReadonlyMap<string, string>,
  now: Date,
): Oauth1Failure | { keyId: string } {
  const { protocol, inHeader } = protocolParameters(request);
  const consumerKey = protocol.get('oauth_consumer_key');
  const signature = protocol.get('oauth_signature');
  if (!consumerKey || !signature || protocol.get('oauth_signature_method') !== 'HMAC-SHA1') return 'parameter_absent';
  const consumerSecret = consumers.get(consumerKey);
  if (consumerSecret === undefined) return 'consumer_key_unknown';
  const token = protocol.get('oauth_token');
  const tokenSecret = token === undefined ? '' : tokens.get(token);
  if (tokenSecret === undefined) return 'token_rejected';
  if (Math.abs(now.getTime() / 1000 - Number(protocol.get('oauth_timestamp'))) > oauthSkewSeconds) {
    return 'timestamp_refused';
  }
  const key = `${encode(consumerSecret)}&${encode(tokenSecret)}`;
  return base64(
    createHmac('sha1', key)
      .update(baseString(request, protocol, inHeader))
      .digest(),
  ) === signature
    ? { keyId: consumerKey }
    : 'signature_invalid';
}
