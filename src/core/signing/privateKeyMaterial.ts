import { createPrivateKey, type KeyObject } from 'node:crypto';

import { SchemeSigningError } from './schemeSigningError';

/**
 * A private key from its PEM text (parsed once per `cache`: parsing costs far more than signing) as a secret source holds it: an environment variable or `.env`
 * line may carry the line breaks as `\n`. The error never quotes the key.
 */
export function readPrivateKeyPem(text: string, keyId: string, cache?: Map<string, KeyObject>): KeyObject {
  const known = cache?.get(text);
  if (known !== undefined) return known;
  const key = parsePrivateKeyPem(text, keyId);
  cache?.set(text, key);
  return key;
}

function parsePrivateKeyPem(text: string, keyId: string): KeyObject {
  const pem = text.includes('\\n') && !text.includes('\n') ? text.replace(/\\n/g, '\n') : text;
  if (!/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(pem)) {
    throw new SchemeSigningError(
      `The secret for key id "${keyId}" is not a PEM private key (expected "-----BEGIN PRIVATE KEY-----", PKCS#8).`,
    );
  }
  try {
    return createPrivateKey({ key: pem, format: 'pem' });
  } catch {
    throw new SchemeSigningError(`The PEM private key for key id "${keyId}" is malformed and cannot be read.`);
  }
}

/** Whether `key` fits an algorithm: `ed25519`, `rsa` (or `rsa-pss`), or `ec` on the given curve. */
export function keyFits(key: KeyObject, type: 'ed25519' | 'rsa' | 'ec', curve?: string): boolean {
  const actual = key.asymmetricKeyType;
  if (type === 'rsa') return actual === 'rsa' || actual === 'rsa-pss';
  if (type === 'ec') return actual === 'ec' && key.asymmetricKeyDetails?.namedCurve === curve;
  return actual === type;
}
