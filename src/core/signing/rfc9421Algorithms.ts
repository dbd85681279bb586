import { constants, createHmac, type KeyObject, sign } from 'node:crypto';

import { keyFits, readPrivateKeyPem } from './privateKeyMaterial';
import { SchemeSigningError } from './schemeSigningError';

export const rfc9421Algorithms = ['hmac-sha256', 'ed25519', 'rsa-pss-sha512', 'ecdsa-p256-sha256'] as const;
export type Rfc9421Algorithm = (typeof rfc9421Algorithms)[number];

export type KeyEncoding = 'utf8' | 'base64' | 'hex';

function sharedKey(secret: string, encoding: KeyEncoding): Buffer {
  if (encoding === 'utf8') return Buffer.from(secret, 'utf8');
  return Buffer.from(secret, encoding);
}

/**
 * Signs the signature base (RFC 9421 §3.3): HMAC-SHA256 with the shared key, pure Ed25519,
 * RSASSA-PSS SHA-512 with a 64-byte salt, or ECDSA P-256 SHA-256 as raw r‖s (not DER).
 */
export function signSignatureBase(
  algorithm: Rfc9421Algorithm,
  secret: string,
  keyId: string,
  encoding: KeyEncoding,
  base: string,
  keyCache?: Map<string, KeyObject>,
): Buffer {
  const data = Buffer.from(base, 'utf8');
  if (algorithm === 'hmac-sha256') return createHmac('sha256', sharedKey(secret, encoding)).update(data).digest();
  const key = readPrivateKeyPem(secret, keyId, keyCache);
  const wrongKey = (expected: string) =>
    new SchemeSigningError(`alg=${algorithm} needs ${expected} private key; the key for "${keyId}" is another type.`);
  switch (algorithm) {
    case 'ed25519':
      if (!keyFits(key, 'ed25519')) throw wrongKey('an Ed25519');
      return sign(null, data, key);
    case 'rsa-pss-sha512':
      if (!keyFits(key, 'rsa')) throw wrongKey('an RSA');
      return sign('sha512', data, { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 64 });
    case 'ecdsa-p256-sha256':
      if (!keyFits(key, 'ec', 'prime256v1')) throw wrongKey('a P-256 EC');
      return sign('sha256', data, { key, dsaEncoding: 'ieee-p1363' });
  }
}
