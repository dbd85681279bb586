import type { HeaderField } from '../model/outgoing';
import { type HeaderLookup, headerLookup } from './headerLookup';
import { readIetfRateLimit } from './readIetfRateLimit';
import { readCount, readSeconds } from './readNumber';
import { periodHeaderNames, readPeriodWindows } from './readPeriodWindows';
import { readRetryAfter } from './readRetryAfter';
import { emptyThrottleState, type ThrottleState } from './throttleState';

export type { ThrottleState } from './throttleState';

/** Every header name this model reads; a response with none of them has no throttling state. */
export const throttleHeaderNames: readonly string[] = [
  'x-ratelimit-limit',
  'x-ratelimit-used',
  'x-ratelimit-remaining',
  'x-ratelimit-reset',
  'x-usageplan-id',
  'x-secret-id',
  'ratelimit',
  'ratelimit-policy',
  'ratelimit-limit',
  'ratelimit-remaining',
  'ratelimit-reset',
  'retry-after',
  ...periodHeaderNames,
];

/** Seconds from which an `X-RateLimit-Reset` value is read as a Unix time instead of a delay. */
const epochSecondsThreshold = 1_000_000_000;

/**
 * Reads the throttling state from response headers: the Tencent usage-plan headers (`X-RateLimit-Limit`,
 * `X-RateLimit-Used: a/b`, `X-UsagePlan-ID`, `X-Secret-ID`) and the common families. Never throws:
 * malformed values stay raw with a note. `now` is when the response arrived (for `Retry-After` dates
 * and Unix-time resets). Returns null when the response carries no throttling header at all.
 */
export function parseThrottle(headers: readonly HeaderField[], now: Date): ThrottleState | null {
  const lookup = headerLookup(headers);
  if (!throttleHeaderNames.some((name) => lookup.has(name))) return null;
  const state = emptyThrottleState();
  for (const name of lookup.repeated()) {
    if (throttleHeaderNames.includes(name)) {
      state.notes.push(`${name} was sent more than once; the first value is used.`);
    }
  }
  readTencent(lookup, state);
  readCountHeader(lookup, ['x-ratelimit-limit', 'ratelimit-limit'], state, 'limit');
  readCountHeader(lookup, ['x-ratelimit-remaining', 'ratelimit-remaining'], state, 'remaining');
  readReset(lookup, now, state);
  readIetfRateLimit(lookup.get('ratelimit'), lookup.get('ratelimit-policy'), state);
  readPeriodWindows(lookup, state);
  const retryAfter = lookup.get('retry-after');
  if (retryAfter !== null) readRetryAfter(retryAfter, now, state);
  state.percentUsed = percentUsed(state);
  return state;
}

function readTencent(lookup: HeaderLookup, state: ThrottleState): void {
  state.usagePlanId = lookup.get('x-usageplan-id') || null;
  state.secretId = lookup.get('x-secret-id') || null;
  const used = lookup.get('x-ratelimit-used');
  if (used === null) return;
  state.usedRaw = used;
  const match = /^\s*(\d{1,15})\s*(?:\/\s*(\d{1,15})\s*)?$/.exec(used);
  if (!match) {
    state.notes.push(`X-RateLimit-Used "${used}" is not "used/of" or a count; kept raw.`);
    return;
  }
  state.used = Number(match[1]);
  state.usedOf = match[2] === undefined ? null : Number(match[2]);
}

function readCountHeader(
  lookup: HeaderLookup,
  names: string[],
  state: ThrottleState,
  field: 'limit' | 'remaining',
): void {
  for (const name of names) {
    const raw = lookup.get(name);
    if (raw === null) continue;
    // Some gateways list several windows (`100, 100;w=60`): the first number is the one in force.
    const value = readCount(raw.split(',')[0].split(';')[0]);
    if (value === null) {
      state.notes.push(`${name} "${raw}" is not a count; kept raw.`);
      continue;
    }
    state[field] = value;
    return;
  }
}

function readReset(lookup: HeaderLookup, now: Date, state: ThrottleState): void {
  for (const name of ['x-ratelimit-reset', 'ratelimit-reset']) {
    const raw = lookup.get(name);
    if (raw === null) continue;
    const value = readSeconds(raw);
    if (value === null) {
      state.notes.push(`${name} "${raw}" is not a number of seconds; kept raw.`);
      continue;
    }
    if (value >= epochSecondsThreshold) {
      const epochSeconds = value >= epochSecondsThreshold * 1000 ? value / 1000 : value;
      state.resetSeconds = Math.max(0, Math.ceil(epochSeconds - now.getTime() / 1000));
      state.notes.push(`${name} ${raw} was read as a Unix time (${state.resetSeconds}s from now).`);
    } else {
      state.resetSeconds = value;
    }
    return;
  }
}

function percentUsed(state: ThrottleState): number | null {
  if (state.used !== null && state.usedOf !== null && state.usedOf > 0) {
    return Math.round((state.used / state.usedOf) * 100);
  }
  if (state.used !== null && state.usedOf === null && state.limit !== null && state.limit > 0) {
    return Math.round((state.used / state.limit) * 100);
  }
  if (state.limit !== null && state.remaining !== null && state.limit > 0) {
    return Math.round(((state.limit - state.remaining) / state.limit) * 100);
  }
  return null;
}
