import { compareCodePoints, decodeComponent, parseQueryPairs } from './requestTarget';

/** OpenResty `ngx.escape_uri` component mode: keep `A-Z a-z 0-9 - . _ ~`, `%XX` (upper hex) the rest. */
export function escapeUriComponent(text: string): string {
  let escaped = '';
  for (const byte of Buffer.from(text, 'utf8')) {
    const char = String.fromCharCode(byte);
    escaped += /[A-Za-z0-9\-._~]/.test(char) ? char : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return escaped;
}

/** nginx `$uri`: percent-decoded, `.`/`..` resolved, slashes merged; `/` when empty. */
export function normalisedDecodedPath(rawPath: string): string {
  const segments: string[] = [];
  for (const segment of decodeComponent(rawPath, false).split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') segments.pop();
    else segments.push(segment);
  }
  const trailing = rawPath.length > 1 && rawPath.endsWith('/') && segments.length > 0 ? '/' : '';
  return `/${segments.join('/')}${trailing}`;
}

/**
 * APISIX ≤ 3.10 canonical query (signing.md §5.2 step 3): decoded pairs (`+` is a space), a key
 * without `=` gets an empty value, sorted by key then value, `enc(key)=enc(value)` joined by `&`.
 */
export function apisixCanonicalQuery(query: string, encode: boolean): string {
  const encodeText = encode ? escapeUriComponent : (text: string) => text;
  return parseQueryPairs(query)
    .map(([key, value]): [string, string] => [key, value ?? ''])
    .sort((a, b) => compareCodePoints(a[0], b[0]) || compareCodePoints(a[1], b[1]))
    .map(([key, value]) => `${encodeText(key)}=${encodeText(value)}`)
    .join('&');
}
