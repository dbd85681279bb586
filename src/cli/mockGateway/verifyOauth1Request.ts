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

function baseString(request: MockRequest, protocol: ReadonlyMap<string, string>): string {
  const { path, query } = targetParts(request);
  const pairs = formPairs(query);
  const type = first(request, 'content-type').split(';')[0].trim().toLowerCase();
  if (type === 'application/x-www-form-urlencoded') pairs.push(...formPairs(request.body.toString('utf8')));
  for (const [name, value] of protocol) if (name !== 'realm' && name !== 'oauth_signature') pairs.push([name, value]);
  const normalised = pairs
    .map(([name, value]) => [encode(name), encode(value)])
    .sort(([a, x], [b, y]) => (a !== b ? (a < b ? -1 : 1) : x < y ? -1 : x > y ? 1 : 0))
    .map(([name, value]) => `${name}=${value}`)
    .join('&');
  return `${request.method}&${encode(`http://${authority(request)}${path}`)}&${encode(normalised)}`;
}

/** RFC 5849 §3.2 server checks: protocol parameters, consumer and token known, timestamp, HMAC-SHA1. */
export function verifyOauth1Request(
  request: MockRequest,
  consumers: ReadonlyMap<string, string>,
  tokens: ReadonlyMap<string, string>,
  now: Date,
): Oauth1Failure | { keyId: string } {
  const protocol = new Map<string, string>();
  for (const field of first(request, 'authorization')
    .slice(6)
    .matchAll(/(\w+)="([^"]*)"/g)) {
    protocol.set(field[1], decode(field[2]));
  }
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
  return base64(createHmac('sha1', key).update(baseString(request, protocol)).digest()) === signature
    ? { keyId: consumerKey }
    : 'signature_invalid';
}
