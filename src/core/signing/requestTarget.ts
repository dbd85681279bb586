/**
 * The parts of a request URL that signing needs, taken from the URL exactly as the transport will send
 * it: for an absolute URL the WHATWG serialisation (what node-fetch puts on the wire), for a bare
 * origin-form target (`/path?query`, used by tests and vectors) the text as written.
 */
export interface RequestTarget {
  /** `host[:port]` as sent in the Host header, or null for an origin-form target. */
  host: string | null;
  /** Raw path plus `?query` as sent (no decoding, no sorting, a bare trailing `?` kept). */
  target: string;
  /** Raw path (before `?`), `/` when empty. */
  path: string;
  /** Raw query after `?` (empty string when there is none). */
  query: string;
}

export function isAbsoluteHttpUrl(url: string): boolean {
  return /^https?:\/\//i.test(url);
}

/** The URL as it will be sent: WHATWG-normalised when absolute, unchanged otherwise. */
export function normaliseRequestUrl(url: string): string {
  if (!isAbsoluteHttpUrl(url)) return url;
  try {
    return new URL(url).href;
  } catch {
    return url;
  }
}

export function requestTarget(url: string): RequestTarget {
  let host: string | null = null;
  let rest = url;
  if (isAbsoluteHttpUrl(url)) {
    const parsed = new URL(url);
    host = parsed.host;
    rest = parsed.href.slice(parsed.origin.length);
  }
  const hashAt = rest.indexOf('#');
  if (hashAt >= 0) rest = rest.slice(0, hashAt);
  if (!rest.startsWith('/')) rest = `/${rest}`;
  const queryAt = rest.indexOf('?');
  const path = queryAt >= 0 ? rest.slice(0, queryAt) : rest;
  const query = queryAt >= 0 ? rest.slice(queryAt + 1) : '';
  return { host, target: rest, path: path === '' ? '/' : path, query };
}

/** `host[:port]` with nothing else (no scheme, path, spaces or userinfo). */
export function isBareHost(value: string): boolean {
  return /^(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]+)(:\d{1,5})?$/.test(value.trim());
}

/** Percent-decodes (with `+` as space when `plusIsSpace`), returning the input unchanged when malformed. */
export function decodeComponent(text: string, plusIsSpace: boolean): string {
  const spaced = plusIsSpace ? text.replace(/\+/g, ' ') : text;
  try {
    return decodeURIComponent(spaced);
  } catch {
    return spaced;
  }
}

/** Splits `a=1&b&c=` into decoded [key, value] pairs (a key without `=` has value null). */
export function parseQueryPairs(query: string, plusIsSpace = true): [string, string | null][] {
  if (query === '') return [];
  return query
    .split('&')
    .filter((part) => part !== '')
    .map((part): [string, string | null] => {
      const equalsAt = part.indexOf('=');
      if (equalsAt < 0) return [decodeComponent(part, plusIsSpace), null];
      return [
        decodeComponent(part.slice(0, equalsAt), plusIsSpace),
        decodeComponent(part.slice(equalsAt + 1), plusIsSpace),
      ];
    });
}

/** Compares strings by Unicode code point (= UTF-8 byte order), unlike the default UTF-16 sort (E17). */
export function compareCodePoints(a: string, b: string): number {
  const left = Array.from(a);
  const right = Array.from(b);
  const length = Math.min(left.length, right.length);
  for (let index = 0; index < length; index += 1) {
    const difference = (left[index].codePointAt(0) ?? 0) - (right[index].codePointAt(0) ?? 0);
    if (difference !== 0) return difference;
  }
  return left.length - right.length;
}
