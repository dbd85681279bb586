import { readCount, readSeconds } from './readNumber';
import { parseStructuredMembers, type StructuredMember } from './structuredFields';
import type { ThrottleState } from './throttleState';

/**
 * The IETF `RateLimit` / `RateLimit-Policy` fields (draft-ietf-httpapi-ratelimit-headers), in both
 * generations: drafts ≤ 07 use a dictionary (`RateLimit: limit=100, remaining=50, reset=5`,
 * `RateLimit-Policy: 100;w=60`), drafts ≥ 08 a list of named policies with parameters
 * (`RateLimit: "default";r=50;t=30`, `RateLimit-Policy: "default";q=100;w=60`).
 * Only fields still null in `state` are filled (the explicit X-/RateLimit-* headers win).
 */
export function readIetfRateLimit(rateLimit: string | null, policy: string | null, state: ThrottleState): void {
  let policyName: string | null = null;
  if (rateLimit !== null) policyName = readRateLimitField(rateLimit, state);
  if (policy !== null) readPolicyField(policy, policyName, state);
}

function setIfNull(
  state: ThrottleState,
  field: 'limit' | 'remaining' | 'resetSeconds' | 'windowSeconds',
  value: number | null,
): void {
  if (value !== null && state[field] === null) state[field] = value;
}

function readRateLimitField(raw: string, state: ThrottleState): string | null {
  const members = parseStructuredMembers(raw);
  const dictionary = new Map(members.filter((m) => m.value !== null).map((m) => [m.name.toLowerCase(), m.value ?? '']));
  if (dictionary.has('limit') || dictionary.has('remaining') || dictionary.has('reset')) {
    setIfNull(state, 'limit', readCount(dictionary.get('limit') ?? ''));
    setIfNull(state, 'remaining', readCount(dictionary.get('remaining') ?? ''));
    setIfNull(state, 'resetSeconds', readSeconds(dictionary.get('reset') ?? ''));
    return null;
  }
  const items = members.filter((m) => m.params.has('r'));
  if (items.length === 0) {
    state.notes.push(`RateLimit "${raw}" has no limit/remaining/reset or r= values; kept raw.`);
    return null;
  }
  const tightest = items.reduce((a, b) =>
    (readCount(b.params.get('r') ?? '') ?? Infinity) < (readCount(a.params.get('r') ?? '') ?? Infinity) ? b : a,
  );
  const remaining = readCount(tightest.params.get('r') ?? '');
  if (remaining === null) state.notes.push(`RateLimit "${raw}": r= is not a count; kept raw.`);
  setIfNull(state, 'remaining', remaining);
  setIfNull(state, 'resetSeconds', readSeconds(tightest.params.get('t') ?? ''));
  return tightest.name;
}

function readPolicyField(raw: string, policyName: string | null, state: ThrottleState): void {
  const members = parseStructuredMembers(raw);
  const chosen: StructuredMember | undefined = members.find((m) => m.name === policyName) ?? members[0];
  if (!chosen) {
    state.notes.push(`RateLimit-Policy "${raw}" is empty; kept raw.`);
    return;
  }
  const limit = chosen.params.has('q')
    ? readCount(chosen.params.get('q') ?? '')
    : readCount(chosen.value ?? chosen.name);
  if (limit === null) state.notes.push(`RateLimit-Policy "${raw}" has no readable quota; kept raw.`);
  setIfNull(state, 'limit', limit);
  setIfNull(state, 'windowSeconds', readSeconds(chosen.params.get('w') ?? ''));
}
