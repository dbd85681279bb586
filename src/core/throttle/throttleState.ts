/**
 * The throttling state a gateway reports in its response headers, merged from the Tencent usage-plan
 * headers and the common rate-limit header families. Every field is null when no header carries it.
 */
export interface ThrottleState {
  /** Configured limit (`X-RateLimit-Limit`, `RateLimit-Limit`, IETF `RateLimit-Policy` quota). */
  limit: number | null;
  /** First number of Tencent `X-RateLimit-Used: a/b` (requests used). */
  used: number | null;
  /** Second number of Tencent `X-RateLimit-Used: a/b` (what `a` is counted against). */
  usedOf: number | null;
  /** `X-RateLimit-Used` exactly as received. */
  usedRaw: string | null;
  /** Requests left (`X-RateLimit-Remaining`, `RateLimit-Remaining`, IETF `RateLimit` r/remaining). */
  remaining: number | null;
  /** Seconds until the window resets (`X-RateLimit-Reset`, `RateLimit-Reset`, IETF `RateLimit` t/reset). */
  resetSeconds: number | null;
  /** Seconds to wait before retrying (`Retry-After`, as seconds or relative to `now` for an HTTP-date). */
  retryAfterSeconds: number | null;
  /** `X-UsagePlan-ID`. */
  usagePlanId: string | null;
  /** `X-Secret-ID` (the key id; not a secret). */
  secretId: string | null;
  /** `used / usedOf` as a percentage (0–100+, rounded to an integer); else derived from limit/remaining. */
  percentUsed: number | null;
  /** Window in seconds from an IETF `RateLimit-Policy` (`w=`), when given. */
  windowSeconds: number | null;
  /** Malformed or ambiguous values, kept raw, one sentence each. */
  notes: string[];
}

export function emptyThrottleState(): ThrottleState {
  return {
    limit: null,
    used: null,
    usedOf: null,
    usedRaw: null,
    remaining: null,
    resetSeconds: null,
    retryAfterSeconds: null,
    usagePlanId: null,
    secretId: null,
    percentUsed: null,
    windowSeconds: null,
    notes: [],
  };
}
