import type { HeaderField, OutgoingRequest } from '../model/outgoing';
import type { Clock } from '../ports';
import type { CookieJar } from './cookieJar';
import type { CookieSet } from './cookieSet';

/**
 * One request's use of the jar: the `Cookie` header added to each hop before it is signed, and every
 * hop's `Set-Cookie` stored (a redirect's too, so the next hop sends it).
 */
export interface RequestCookies {
  /** `request` with the jar's cookies for its URL merged into its `Cookie` header. */
  withCookies(request: OutgoingRequest): OutgoingRequest;
  /** A redirect hop (from `nextRedirect`): the previous hop's jar cookies replaced by the new URL's. */
  forHop(next: OutgoingRequest): OutgoingRequest;
  /** Stores the `Set-Cookie` headers of a hop's response. */
  received(url: string, headers: readonly HeaderField[]): void;
  /** What the responses of this request set, in order. */
  readonly set: CookieSet[];
}

const isCookie = (header: HeaderField) => header.name.toLowerCase() === 'cookie';

export function requestCookies(jar: CookieJar, clock: Clock): RequestCookies {
  let own: HeaderField[] = [];
  const set: CookieSet[] = [];
  const merge = (request: OutgoingRequest, written: HeaderField[]): OutgoingRequest => {
    if (jar.isEmpty()) return request;
    const fromJar = withoutNames(jar.cookieHeader(request.url, clock.now()), written);
    if (fromJar === '') return request;
    const value = [...written.map((header) => header.value), fromJar].join('; ');
    return { ...request, headers: [...request.headers.filter((h) => !isCookie(h)), { name: 'Cookie', value }] };
  };
  return {
    set,
    withCookies(request) {
      own = request.headers.some(isCookie) ? request.headers.filter(isCookie) : [];
      return merge(request, own);
    },
    forHop(next) {
      // nextRedirect keeps the Cookie header on the same origin and drops it on another.
      const kept = next.headers.some(isCookie) ? own : [];
      const unchanged = sameValues(next.headers.filter(isCookie), kept);
      return merge(
        unchanged ? next : { ...next, headers: [...next.headers.filter((h) => !isCookie(h)), ...kept] },
        kept,
      );
    },
    received(url, headers) {
      const values: string[] = [];
      for (const header of headers) if (header.name.toLowerCase() === 'set-cookie') values.push(header.value);
      // Most responses set no cookie: then the jar (and the clock) is not asked at all.
      if (values.length > 0) set.push(...jar.store(url, values, clock.now()));
    },
  };
}

/** The jar's `a=1; b=2` without the cookies the request file writes itself (the file's value wins). */
function withoutNames(fromJar: string, written: readonly HeaderField[]): string {
  if (fromJar === '' || written.length === 0) return fromJar;
  const names = new Set(written.flatMap((header) => header.value.split(';').map((pair) => pair.split('=')[0].trim())));
  return fromJar
    .split('; ')
    .filter((pair) => !names.has(pair.split('=')[0]))
    .join('; ');
}

function sameValues(a: readonly HeaderField[], b: readonly HeaderField[]): boolean {
  return a.length === b.length && a.every((header, index) => header.value === b[index].value);
}
