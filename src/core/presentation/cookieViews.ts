import type { CookieView } from '../../shared/protocol';
import type { CookieSet } from '../cookies/cookieSet';
import type { Redactor } from '../redaction';

/** The cookies a response set, for the panel's Headers tab: value masked, attributes in one line. */
export function cookieViews(cookies: readonly CookieSet[], redactor: Redactor): CookieView[] {
  return cookies.map((cookie) => ({
    name: cookie.name,
    value: redactor.text(cookie.value),
    attributes: attributesOf(cookie),
    rejected: cookie.rejected,
  }));
}

function attributesOf(cookie: CookieSet): string {
  return [
    cookie.domain === null ? null : `Domain ${cookie.domain}`,
    cookie.path === null ? null : `Path ${cookie.path}`,
    cookie.expires === null ? 'session' : `expires ${cookie.expires}`,
    cookie.secure ? 'Secure' : null,
    cookie.httpOnly ? 'HttpOnly' : null,
    cookie.sameSite === null ? null : `SameSite ${cookie.sameSite}`,
  ]
    .filter((part) => part !== null)
    .join(' · ');
}
