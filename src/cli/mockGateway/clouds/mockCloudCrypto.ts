import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/** The mock's own encoding and hashing for the cloud verifiers (independent of the core signers). */

/** RFC 3986 encoding of a decoded string: encodeURIComponent plus `!'()*`. */
export function rfc3986(text: string): string {
  return encodeURIComponent(text).replace(
    /[!'()*]/g,
    (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** decodeURIComponent that leaves a malformed text as it is. */
export function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

export const sha256 = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex');
export const hmac = (key: string | Buffer, data: string): Buffer => createHmac('sha256', key).update(data).digest();

/** Constant-time comparison of two text signatures. */
export function sameSignature(expected: string, received: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(received);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Raw `path` and `query` of a request target (no decoding). */
export function splitTarget(target: string): { path: string; query: string } {
  const at = target.indexOf('?');
  return at < 0
    ? { path: target || '/', query: '' }
    : { path: target.slice(0, at) || '/', query: target.slice(at + 1) };
}

/** `a=1&b&c=` → decoded pairs (`+` kept literal), empty pieces dropped. */
export function rawPairs(query: string): [string, string][] {
  return query
    .split('&')
    .filter((piece) => piece !== '')
    .map((piece) => {
      const at = piece.indexOf('=');
      return at < 0 ? [safeDecode(piece), ''] : [safeDecode(piece.slice(0, at)), safeDecode(piece.slice(at + 1))];
    });
}

/** Encoded, sorted `name=value&…` (AWS and Huawei canonical query). */
export function sortedEncodedQuery(pairs: readonly [string, string][]): string {
  return pairs
    .map(([name, value]) => `${rfc3986(name)}=${rfc3986(value)}`)
    .sort((a, b) => {
      const [nameA, valueA] = a.split('=');
      const [nameB, valueB] = b.split('=');
      return nameA === nameB ? (valueA < valueB ? -1 : valueA > valueB ? 1 : 0) : nameA < nameB ? -1 : 1;
    })
    .join('&');
}

/** `YYYYMMDDTHHMMSSZ` → epoch milliseconds (NaN when malformed). */
export function parseCompactDate(text: string): number {
  const match = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(text);
  return match ? Date.UTC(+match[1], +match[2] - 1, +match[3], +match[4], +match[5], +match[6]) : NaN;
}

/** `Name=value, Name=value` (the AWS / TC3 / Huawei Authorization parameters). */
export function commaParameters(text: string): Record<string, string> {
  const result: Record<string, string> = {};
  for (const part of text.split(',')) {
    const at = part.indexOf('=');
    if (at > 0) result[part.slice(0, at).trim()] = part.slice(at + 1).trim();
  }
  return result;
}
