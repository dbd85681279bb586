import type { HeaderLookup } from './headerLookup';
import { readCount } from './readNumber';
import type { ThrottleState } from './throttleState';

/** Kong's rate-limiting plugin names one header pair per period: `X-RateLimit-Limit-Minute: 5`. */
const periods: [name: string, seconds: number][] = [
  ['second', 1],
  ['minute', 60],
  ['hour', 3600],
  ['day', 86_400],
  ['month', 2_592_000],
  ['year', 31_536_000],
];

export const periodHeaderNames = periods.flatMap(([name]) => [
  `x-ratelimit-limit-${name}`,
  `x-ratelimit-remaining-${name}`,
]);

/**
 * When no plain limit was given, reads Kong's per-period headers and keeps the tightest window (the one
 * with the fewest requests remaining), so the line shows what will throttle first.
 */
export function readPeriodWindows(lookup: HeaderLookup, state: ThrottleState): void {
  if (state.limit !== null || state.remaining !== null) return;
  let best: { limit: number | null; remaining: number | null; seconds: number } | null = null;
  for (const [name, seconds] of periods) {
    const rawLimit = lookup.get(`x-ratelimit-limit-${name}`);
    const rawRemaining = lookup.get(`x-ratelimit-remaining-${name}`);
    if (rawLimit === null && rawRemaining === null) continue;
    const limit = rawLimit === null ? null : readCount(rawLimit);
    const remaining = rawRemaining === null ? null : readCount(rawRemaining);
    if (rawLimit !== null && limit === null) {
      state.notes.push(`x-ratelimit-limit-${name} "${rawLimit}" is not a count; kept raw.`);
    }
    if (rawRemaining !== null && remaining === null) {
      state.notes.push(`x-ratelimit-remaining-${name} "${rawRemaining}" is not a count; kept raw.`);
    }
    if (best === null || (remaining ?? Infinity) < (best.remaining ?? Infinity)) best = { limit, remaining, seconds };
  }
  if (best === null) return;
  state.limit = best.limit;
  state.remaining = best.remaining;
  state.windowSeconds = best.seconds;
}
