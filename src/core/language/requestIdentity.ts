import type { ParsedDocument, ParsedRequest } from '../model/document';

/**
 * What identifies a request across edits of its file: its `# @name` if it has one, else its title,
 * method and URL as written. Indexes do not: a request inserted above shifts them.
 */
export interface RequestIdentity {
  name: string | null;
  title: string | null;
  method: string;
  /** The URL as written (`{{…}}` kept). */
  url: string;
}

/** Where a request sent earlier is now: found (its index today), gone, changed, or no longer unique. */
export type FoundRequest =
  | { kind: 'found'; index: number }
  | { kind: 'gone' }
  | { kind: 'changed'; now: RequestIdentity; line: number }
  | { kind: 'ambiguous'; lines: number[] };

export function requestIdentity(request: ParsedRequest): RequestIdentity {
  return { name: request.name, title: request.title, method: request.method, url: request.url };
}

/** `POST {{gateway}}/orders` or `createOrder (POST {{gateway}}/orders)`, for messages. */
export function describeIdentity(identity: RequestIdentity): string {
  const line = `${identity.method} ${identity.url}`;
  const label = identity.name ?? identity.title;
  return label ? `"${label}" (${line})` : line;
}

/**
 * Finds a request again in the file as it is now. A named request is found by its name, and counts
 * as changed when its method or URL is no longer what was sent (headers and body may be edited). An
 * unnamed one is found by its title, method and URL: when none matches it is gone.
 */
export function findRequestAgain(document: ParsedDocument, identity: RequestIdentity): FoundRequest {
  if (identity.name !== null) {
    const named = document.requests.filter((request) => request.name === identity.name);
    if (named.length === 0) return { kind: 'gone' };
    if (named.length > 1) return { kind: 'ambiguous', lines: named.map((request) => request.line) };
    const [request] = named;
    if (request.method !== identity.method || request.url !== identity.url) {
      return { kind: 'changed', now: requestIdentity(request), line: request.line };
    }
    return { kind: 'found', index: request.index };
  }
  const same = document.requests.filter(
    (request) =>
      request.name === null &&
      request.title === identity.title &&
      request.method === identity.method &&
      request.url === identity.url,
  );
  if (same.length === 0) return { kind: 'gone' };
  if (same.length > 1) return { kind: 'ambiguous', lines: same.map((request) => request.line) };
  return { kind: 'found', index: same[0].index };
}
