import { createHash } from 'node:crypto';

export type ContentDigestAlgorithm = 'sha-256' | 'sha-512';

/** RFC 9530 `Content-Digest` value over the bytes sent: `sha-256=:<Base64>:` (a structured dictionary). */
export function contentDigestValue(body: Uint8Array | null, algorithm: ContentDigestAlgorithm): string {
  const hash = createHash(algorithm === 'sha-256' ? 'sha256' : 'sha512')
    .update(body ?? new Uint8Array(0))
    .digest('base64');
  return `${algorithm}=:${hash}:`;
}
