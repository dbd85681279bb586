/** One `Set-Cookie` of a response, as the jar read it (shown in the panel and in `--json` as `cookiesSet`). */
export interface CookieSet {
  /** The URL of the exchange (a redirect hop's own URL when a hop set it). */
  url: string;
  name: string;
  value: string;
  /** The cookie's domain (the request host for a host-only cookie); null when it could not be parsed. */
  domain: string | null;
  path: string | null;
  /** When it expires, ISO 8601; null for a session cookie. */
  expires: string | null;
  secure: boolean;
  httpOnly: boolean;
  sameSite: string | null;
  /** Why the jar refused it (another domain, a public suffix, Secure over http, unparsable), or null when stored. */
  rejected: string | null;
}
