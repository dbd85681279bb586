import { constants, createHash, createHmac, createPublicKey, verify } from 'node:crypto';

import type { MockRequest } from './mockRequest';
import { authority, first, targetParts, values } from './mockSignedRequest';

/** A verification key of the mock: a shared HMAC secret, or a public key (PEM). */
export type Rfc9421VerifyKey =
  | { alg: 'hmac-sha256'; secret: Buffer }
  | { alg: 'ed25519' | 'rsa-pss-sha512' | 'ecdsa-p256-sha256'; publicKeyPem: string };

export type Rfc9421Failure = 'noSignature' | 'unknownKey' | 'digestMismatch' | 'missingComponent' | 'mismatch';

function componentValue(request: MockRequest, name: string): string | null {
  const { path, query } = targetParts(request);
  switch (name) {
    case '@method':
      return request.method;
    case '@authority':
      return authority(request);
    case '@path':
      return path;
    case '@query':
      return `?${query}`;
    case '@target-uri':
      return `http://${authority(request)}${request.target}`;
    case '@request-target':
      return request.target;
    case '@scheme':
      return 'http';
    default: {
      if (name.startsWith('@')) return null;
      const found = values(request, name);
      return found.length === 0 ? null : found.join(', ');
    }
  }
}

function digestMatches(request: MockRequest): boolean {
  const digest = /^(sha-256|sha-512)=:([A-Za-z0-9+/=]*):$/.exec(first(request, 'content-digest'));
  if (!digest) return false;
  return (
    createHash(digest[1] === 'sha-512' ? 'sha512' : 'sha256')
      .update(request.body)
      .digest('base64') === digest[2]
  );
}

function verifies(key: Rfc9421VerifyKey, base: Buffer, signature: Buffer): boolean {
  if (key.alg === 'hmac-sha256') return createHmac('sha256', key.secret).update(base).digest().equals(signature);
  const publicKey = createPublicKey(key.publicKeyPem);
  if (key.alg === 'ed25519') return verify(null, base, publicKey, signature);
  if (key.alg === 'ecdsa-p256-sha256') {
    return verify('sha256', base, { key: publicKey, dsaEncoding: 'ieee-p1363' }, signature);
  }
  return verify(
    'sha512',
    base,
    { key: publicKey, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 64 },
    signature,
  );
}

/**
 * RFC 9421 verification of the first Signature-Input member (simple component identifiers, with
 * `;name=` only for @query-param left out): rebuilds the signature base from what arrived, checks a
 * covered Content-Digest against the body (RFC 9530), verifies with the key named by `keyid`.
 */
export function verifyRfc9421Request(
  request: MockRequest,
  keys: ReadonlyMap<string, Rfc9421VerifyKey>,
): Rfc9421Failure | { keyId: string } {
  const match = /^([a-z0-9_*.-]+)=\(([^)]*)\)(.*)$/.exec(first(request, 'signature-input'));
  if (!match) return 'noSignature';
  const [, label, inner, params] = match;
  const signature = new RegExp(`^${label.replace(/[.*]/g, '\\$&')}=:([A-Za-z0-9+/=]+):$`).exec(
    first(request, 'signature'),
  );
  if (!signature) return 'noSignature';
  const keyId = /;keyid="([^"]*)"/.exec(params)?.[1] ?? '';
  const key = keys.get(keyId);
  if (!key) return 'unknownKey';
  const items = inner.trim() === '' ? [] : inner.trim().split(/\s+/);
  const lines: string[] = [];
  for (const item of items) {
    const value = /^"[^"]+"$/.test(item) ? componentValue(request, item.slice(1, -1)) : null;
    if (value === null) return 'missingComponent';
    lines.push(`${item}: ${value}`);
  }
  if (items.includes('"content-digest"') && !digestMatches(request)) return 'digestMismatch';
  lines.push(`"@signature-params": (${inner})${params}`);
  return verifies(key, Buffer.from(lines.join('\n'), 'utf8'), Buffer.from(signature[1], 'base64'))
    ? { keyId }
    : 'mismatch';
}
