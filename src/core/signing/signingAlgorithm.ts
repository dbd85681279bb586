import { createHmac } from 'node:crypto';

/** MAC algorithm tokens as they appear in `algorithm="…"` (always lower case). */
export type SigningAlgorithm = 'hmac-sha1' | 'hmac-sha256' | 'hmac-sha384' | 'hmac-sha512';

const hashByAlgorithm: Record<SigningAlgorithm, string> = {
  'hmac-sha1': 'sha1',
  'hmac-sha256': 'sha256',
  'hmac-sha384': 'sha384',
  'hmac-sha512': 'sha512',
};

export function isSigningAlgorithm(value: string): value is SigningAlgorithm {
  return Object.prototype.hasOwnProperty.call(hashByAlgorithm, value);
}

/** Base64 (standard alphabet, padded) of the raw HMAC of `message`, key and message as UTF-8 bytes. */
export function hmacBase64(algorithm: SigningAlgorithm, secret: string, message: string | Uint8Array): string {
  // Strings go in as UTF-8 without an intermediate Buffer copy.
  return createHmac(hashByAlgorithm[algorithm], secret).update(message).digest('base64');
}
