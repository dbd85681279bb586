import type { HeaderField } from '../model/outgoing';
import { compareAscii, percentDecode, trimCollapse, uriEncode } from './cloudEncoding';

/** The pieces of an AWS SigV4 canonical request (signing-clouds.md §2.1 steps 3–6). */

/** RFC 3986 §5.2.4 dot-segment removal plus collapsing of empty segments (`//a//` → `/a/`). */
export function normalizeAwsPath(path: string): string {
  const segments = path.split('/').slice(1);
  const kept: string[] = [];
  for (const segment of segments) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') kept.pop();
    else kept.push(segment);
  }
  const last = segments[segments.length - 1];
  const trailing = kept.length > 0 && (last === '' || last === '.' || last === '..');
  return `/${kept.join('/')}${trailing ? '/' : ''}`;
}

/** Canonical URI from the wire path: normalised when asked, encoded again (double) or decoded and encoded once. */
export function awsCanonicalUri(path: string, normalize: boolean, doubleEncode: boolean): string {
  const base = path === '' ? '/' : path;
  const normalized = normalize ? normalizeAwsPath(base) : base;
  return doubleEncode ? uriEncode(normalized, true) : uriEncode(percentDecode(normalized), true);
}

/** Decoded `[name, value]` pairs of a wire query (`a` and `a=` both give an empty value; `+` stays a plus). */
export function awsQueryPairs(query: string): [string, string][] {
  return query
    .split('&')
    .filter((piece) => piece !== '')
    .map((piece) => {
      const equalsAt = piece.indexOf('=');
      if (equalsAt < 0) return [percentDecode(piece), ''];
      return [percentDecode(piece.slice(0, equalsAt)), percentDecode(piece.slice(equalsAt + 1))];
    });
}

/** Encoded pairs sorted by encoded name, then encoded value, joined `name=value&…`. */
export function awsCanonicalQuery(pairs: readonly [string, string][]): string {
  return pairs
    .map(([name, value]) => [uriEncode(name), uriEncode(value)])
    .sort((a, b) => compareAscii(a[0], b[0]) || compareAscii(a[1], b[1]))
    .map(([name, value]) => `${name}=${value}`)
    .join('&');
}

/** Never signed: the signature itself, headers proxies and clients change, and hop-by-hop headers. */
const unsignable = new Set([
  'authorization',
  'user-agent',
  'expect',
  'x-amzn-trace-id',
  'connection',
  'keep-alive',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]);

/**
 * Signed names, lower case and sorted: every header of the request when `listed` holds `*` (the
 * default), else `listed` plus `always` (host and the signer's own x-amz-* headers) when present.
 */
export function signedHeaderNames(
  headers: readonly HeaderField[],
  listed: readonly string[],
  always: readonly string[],
): string[] {
  const present = new Set(headers.map((field) => field.name.toLowerCase()));
  const wanted = listed.includes('*') ? [...present] : [...listed.map((name) => name.toLowerCase()), ...always];
  const names = new Set(wanted.filter((name) => present.has(name) && !unsignable.has(name) && !name.includes('_')));
  return [...names].sort(compareAscii);
}

/** `name:value\n` per signed name; repeated lines joined with `,` in the order sent, values trimmed and collapsed. */
export function awsCanonicalHeaders(headers: readonly HeaderField[], names: readonly string[]): string {
  return names
    .map((name) => {
      const values = headers
        .filter((field) => field.name.toLowerCase() === name)
        .map((field) => trimCollapse(field.value));
      return `${name}:${values.join(',')}\n`;
    })
    .join('');
}
