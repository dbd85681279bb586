import { readSeconds } from './readNumber';
import type { ThrottleState } from './throttleState';

/**
 * `Retry-After` is either a number of seconds or an HTTP-date (RFC 9110 §10.2.3); a date is turned into
 * seconds relative to `now` (the time the response arrived), never below zero.
 */
export function readRetryAfter(raw: string, now: Date, state: ThrottleState): void {
  const seconds = readSeconds(raw);
  if (seconds !== null) {
    state.retryAfterSeconds = seconds;
    return;
  }
  const date = /[a-z]/i.test(raw) ? Date.parse(raw) : Number.NaN;
  if (Number.isNaN(date)) {
    state.notes.push(`Retry-After "${raw}" is neither seconds nor an HTTP-date; kept raw.`);
    return;
  }
  const delta = Math.ceil((date - now.getTime()) / 1000);
  if (delta < 0) {
    state.notes.push(`Retry-After "${raw}" is ${-delta}s in the past; retry now (or check the clock).`);
  }
  state.retryAfterSeconds = Math.max(0, delta);
}
