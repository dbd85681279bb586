import { type RequestCookies, requestCookies } from '../cookies/requestCookies';
import { directiveOf } from '../model/document';
import type { OutgoingRequest } from '../model/outgoing';
import type { PreparedRequest } from '../variables/preparedRequest';
import type { RunContext, RunResult } from './runTypes';

/**
 * The cookie-jar step of a run, between preparing and signing: the jar's cookies go into the prepared
 * request's `Cookie` header (so a scheme that signs headers signs them), and the responses' `Set-Cookie`
 * go into the jar and `result.cookiesSet`. Null (nothing sent from the jar, nothing stored) without a
 * jar (`--no-cookie-jar`, `gwhttp.rememberCookies` off) or for a request marked `# @no-cookie-jar`.
 */
export function cookieStep(prepared: PreparedRequest, context: RunContext, result: RunResult): RequestCookies | null {
  if (!context.cookieJar || directiveOf(prepared, 'no-cookie-jar')) return null;
  const cookies = requestCookies(context.cookieJar, context.clock);
  prepared.outgoing = cookies.withCookies(prepared.outgoing);
  result.cookiesSet = cookies.set;
  return cookies;
}

/** A redirect hop's request: its cookies from the jar first, then re-signed (when the request is signed). */
export function redirectWithCookies(
  cookies: RequestCookies | null,
  resign: ((next: OutgoingRequest) => OutgoingRequest) | undefined,
): ((next: OutgoingRequest) => OutgoingRequest) | undefined {
  if (!cookies) return resign;
  return (next) => {
    const withJar = cookies.forHop(next);
    return resign ? resign(withJar) : withJar;
  };
}
