import type { Cookie, CookieJar as ToughCookieJar } from 'tough-cookie';

import type { CookieSet } from './cookieSet';

/**
 * The cookies of one environment scope (the editor) or one run (the CLI), in memory. The domain,
 * path, expiry and Secure rules are tough-cookie's; the library is loaded on the first cookie stored,
 * so a run whose responses set none never loads it.
 */
export interface CookieJar {
  /** The `Cookie` header value for `url` at `now` (empty when the jar holds none for it). */
  cookieHeader(url: string, now: Date): string;
  /** True while no cookie was ever stored: a request then needs no `Cookie` work at all. */
  isEmpty(): boolean;
  /** Stores a response's `Set-Cookie` values received from `url`; returns what each one was. */
  store(url: string, setCookies: readonly string[], now: Date): CookieSet[];
}

export function createCookieJar(): CookieJar {
  let jar: ToughCookieJar | null = null;
  return {
    isEmpty: () => jar === null,
    cookieHeader(url, now) {
      if (!jar) return '';
      return jar
        .getCookiesSync(url, { expire: false, sort: true })
        .filter((cookie) => unexpired(cookie, now))
        .map((cookie) => cookie.cookieString())
        .join('; ');
    },
    store(url, setCookies, now) {
      if (setCookies.length === 0) return [];
      jar ??= newJar();
      const target = jar;
      return setCookies.map((header) => storeOne(target, url, header, now));
    },
  };
}

function newJar(): ToughCookieJar {
  // Required on first use: the built CLI keeps it in a vendor bundle of its own.
  const tough = require('tough-cookie') as typeof import('tough-cookie');
  return new tough.CookieJar(undefined, { looseMode: true });
}

/**
 * Expiry by the run's clock, not the wall clock the library reads: Max-Age is turned into the absolute
 * expiry-time at receipt (RFC 6265 §5.2.2, computed by the library's `expiryDate`), so the library's
 * sliding last-access time never moves it.
 */
function unexpired(cookie: Cookie, now: Date): boolean {
  const expiry = cookie.expiryTime();
  return expiry === undefined || expiry > now.getTime();
}

function storeOne(jar: ToughCookieJar, url: string, header: string, now: Date): CookieSet {
  const tough = require('tough-cookie') as typeof import('tough-cookie');
  const parsed = tough.Cookie.parse(header, { loose: true }) ?? null;
  if (parsed && parsed.maxAge !== null) {
    parsed.expires = parsed.expiryDate(now) ?? 'Infinity';
    parsed.maxAge = null;
  }
  let rejected: string | null = null;
  try {
    jar.setCookieSync(parsed ?? header, url, { now, loose: true });
  } catch (error) {
    rejected = error instanceof Error ? error.message : String(error);
  }
  return cookieSetOf(url, header, parsed, rejected);
}

function cookieSetOf(url: string, header: string, cookie: Cookie | null, rejected: string | null): CookieSet {
  if (!cookie) {
    const name = header.split('=')[0]?.trim() ?? '';
    return {
      url,
      name,
      value: '',
      domain: null,
      path: null,
      expires: null,
      secure: false,
      httpOnly: false,
      sameSite: null,
      rejected: rejected ?? 'Cookie failed to parse',
    };
  }
  const expiry = cookie.expiryTime();
  return {
    url,
    name: cookie.key,
    value: cookie.value,
    domain: cookie.domain ?? null,
    path: cookie.path ?? null,
    expires: expiry === undefined || !Number.isFinite(expiry) ? null : new Date(expiry).toISOString(),
    secure: cookie.secure,
    httpOnly: cookie.httpOnly,
    sameSite: cookie.sameSite && cookie.sameSite !== 'unspecified' ? cookie.sameSite : null,
    rejected,
  };
}
