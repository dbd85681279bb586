import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

import type { MockRequest } from './mockRequest';
import { first } from './mockSignedRequest';

/** A Digest nonce older than this is answered with a fresh challenge and `stale=true`. */
export const digestNonceSeconds = 300;

const hashes: Record<string, string> = { MD5: 'md5', 'SHA-256': 'sha256' };

export type DigestOutcome = { ok: true; keyId: string } | { ok: false; stale: boolean };

function nonceMac(serverKey: Buffer, issued: string): string {
  return createHmac('sha256', serverKey).update(issued).digest('base64url');
}

/** A stateless nonce: its issue time and a MAC over it with the gateway's per-run key. */
export function issueDigestNonce(serverKey: Buffer, now: Date): string {
  const issued = String(Math.floor(now.getTime() / 1000));
  return Buffer.from(`${issued}:${nonceMac(serverKey, issued)}`).toString('base64');
}

/** `WWW-Authenticate` values: one challenge per algorithm (SHA-256 first), qop=auth. */
export function digestChallenges(serverKey: Buffer, now: Date, stale: boolean): string[] {
  const nonce = issueDigestNonce(serverKey, now);
  return ['SHA-256', 'MD5'].map(
    (algorithm) =>
      `Digest realm="gwhttp-mock", qop="auth", algorithm=${algorithm}, nonce="${nonce}", opaque="gwhttp-mock-opaque"${stale ? ', stale=true' : ''}`,
  );
}

function nonceAge(serverKey: Buffer, nonce: string, now: Date): number | null {
  const [issued, mac] = Buffer.from(nonce, 'base64').toString('utf8').split(':');
  const expected = issued === undefined ? '' : nonceMac(serverKey, issued);
  if (
    mac === undefined ||
    mac.length !== expected.length ||
    !timingSafeEqual(Buffer.from(mac), Buffer.from(expected))
  ) {
    return null;
  }
  return now.getTime() / 1000 - Number(issued);
}

/** RFC 7616 server side: checks the nonce, `uri` against the request-target, and the response. */
export function verifyDigestRequest(
  request: MockRequest,
  users: ReadonlyMap<string, string>,
  serverKey: Buffer,
  now: Date,
): DigestOutcome {
  const authorization = first(request, 'authorization');
  if (!/^Digest /i.test(authorization)) return { ok: false, stale: false };
  const p: Record<string, string> = {};
  for (const match of authorization.slice(7).matchAll(/(\w+)=(?:"((?:[^"\\]|\\.)*)"|([^\s,]+))/g)) {
    p[match[1]] = (match[2] ?? match[3]).replace(/\\(.)/g, '$1');
  }
  const hash = hashes[(p.algorithm ?? 'MD5').toUpperCase()];
  const age = nonceAge(serverKey, p.nonce ?? '', now);
  if (hash === undefined || age === null || p.uri !== request.target || p.qop !== 'auth') {
    return { ok: false, stale: false };
  }
  if (age > digestNonceSeconds) return { ok: false, stale: true };
  const h = (text: string) => createHash(hash).update(text, 'utf8').digest('hex');
  const ha1 = h(`${p.username}:gwhttp-mock:${users.get(p.username) ?? ''}`);
  const expected = h(`${ha1}:${p.nonce}:${p.nc}:${p.cnonce}:auth:${h(`${request.method}:${p.uri}`)}`);
  return users.has(p.username) && expected === p.response
    ? { ok: true, keyId: p.username }
    : { ok: false, stale: false };
}
