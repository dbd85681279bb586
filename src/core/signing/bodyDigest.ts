import { createHash } from 'node:crypto';

const emptyBody = new Uint8Array(0);

/** `SHA-256=<Base64 of the raw SHA-256>` of exactly the bytes sent (Kong, APISIX, cavage `Digest`). */
export function sha256DigestHeaderValue(body: Uint8Array | null): string {
  return `SHA-256=${createHash('sha256')
    .update(body ?? emptyBody)
    .digest('base64')}`;
}

/**
 * Tencent app auth Content-MD5: Base64 of the 32-character lower-case hex MD5 string (what every
 * official demo computes), not RFC 1864's Base64 of the raw 16 bytes.
 */
export function tencentContentMd5(body: Uint8Array): string {
  const hex = createHash('md5').update(body).digest('hex');
  return Buffer.from(hex, 'utf8').toString('base64');
}
