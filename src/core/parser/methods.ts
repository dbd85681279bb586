/**
 * HTTP methods the request line and the Method block accept. The nine RFC methods are what the format
 * spec requires; the WebDAV/DeltaV verbs are what REST Client and httpYac also accept, so `.http` files
 * using them keep working.
 */
const rfcMethods = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS', 'TRACE', 'CONNECT'];

const extensionMethods = [
  'LOCK',
  'UNLOCK',
  'PROPFIND',
  'PROPPATCH',
  'COPY',
  'MOVE',
  'MKCOL',
  'MKCALENDAR',
  'ACL',
  'SEARCH',
  'REPORT',
  'CHECKOUT',
  'CHECKIN',
  'MERGE',
  'LINK',
  'UNLINK',
  'PURGE',
  'QUERY',
  // JetBrains and httpYac: a GraphQL request, sent as POST (graphql/graphqlRequest.ts).
  'GRAPHQL',
];

const knownMethods: ReadonlySet<string> = new Set([...rfcMethods, ...extensionMethods]);

/** Each known method by its upper-case spelling, to hand out one shared string per method. */
const methodStrings: ReadonlyMap<string, string> = new Map([...knownMethods].map((method) => [method, method]));

/** The methods to list in messages (the common ones; the full set is longer). */
export const commonMethodsText = rfcMethods.join(', ');

/**
 * The known method `line.slice(start, end)` names (any case), as a shared upper-case string, or null.
 * Reads the characters in place: no copy of the word, and no string per request for its method.
 */
export function knownMethodAt(line: string, start: number, end: number): string | null {
  const length = end - start;
  if (length < 3 || length > 10) return null;
  for (const method of rfcMethods) {
    if (method.length === length && line.startsWith(method, start)) return method;
  }
  return methodStrings.get(line.slice(start, end).toUpperCase()) ?? null;
}

/** True when `word` (any case) is a method gwhttp knows. */
export function isKnownMethod(word: string): boolean {
  return knownMethods.has(word) || knownMethods.has(word.toUpperCase());
}

/** True when `word` is shaped like an (unknown) HTTP method: 2 to 20 uppercase ASCII letters. */
export function looksLikeMethod(word: string): boolean {
  if (word.length < 2 || word.length > 20) return false;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c < 0x41 || c > 0x5a) return false;
  }
  return true;
}
