import type { RunResult } from '../run/runTypes';
import type { ThrottleState } from './throttleState';

/** One key's (and usage plan's) use of its quota over a run, as the gateway reported it. */
export interface QuotaUse {
  keyId: string | null;
  usagePlanId: string | null;
  /** The quota counted against: `X-RateLimit-Used: a/b`'s b, else `X-RateLimit-Limit`. */
  limit: number | null;
  usedAtStart: number | null;
  usedAtEnd: number | null;
  peak: number | null;
  /** Responses with status 429. */
  throttled: number;
  /** Waits before a send again (Retry-After, pacing). */
  waits: number;
  /** Each answered send: when, the use it reported, and whether it was a 429 (for the chart). */
  points: { at: Date; used: number | null; limit: number | null; throttled: boolean }[];
}

/** What the ledger needs of one answered send. */
export interface QuotaSample {
  keyId: string | null;
  status: number;
  throttle: ThrottleState | null;
  at: Date;
  /** How often the run waited before this send's last try. */
  waits: number;
}

/** The use a state reports: `used`, else derived from limit and remaining. */
function usedOf(state: ThrottleState): number | null {
  if (state.used !== null) return state.used;
  if (state.limit !== null && state.remaining !== null) return Math.max(0, state.limit - state.remaining);
  return null;
}

/**
 * Per key and usage plan, what a run's responses said of the quota: use at start and end, the peak,
 * 429s and waits. Sends whose gateway reports nothing are left out (nothing to say of their quota).
 */
export class QuotaLedger {
  private readonly uses = new Map<string, QuotaUse>();

  /** `maxPoints`: keep only the last so many points per key (the editor's window keeps a few for its chart). */
  constructor(private readonly maxPoints = Infinity) {}

  /** Takes in one answered send; returns the key's use it counts in (null when its gateway reported nothing). */
  record(sample: QuotaSample): QuotaUse | null {
    const state = sample.throttle;
    if (!state && sample.status !== 429) return null;
    const keyId = state?.secretId ?? sample.keyId;
    const usagePlanId = state?.usagePlanId ?? null;
    const id = `${keyId ?? ''}\u0000${usagePlanId ?? ''}`;
    const use = this.uses.get(id) ?? this.start(id, keyId, usagePlanId);
    const used = state ? usedOf(state) : null;
    const limit = state ? (state.usedOf ?? state.limit) : null;
    if (limit !== null) use.limit = limit;
    if (used !== null) {
      use.usedAtStart ??= used;
      use.usedAtEnd = used;
      use.peak = Math.max(use.peak ?? used, used);
    }
    if (sample.status === 429) use.throttled++;
    use.waits += sample.waits;
    use.points.push({ at: sample.at, used, limit: use.limit, throttled: sample.status === 429 });
    if (use.points.length > this.maxPoints) use.points.splice(0, use.points.length - this.maxPoints);
    return use;
  }

  /** The last reported use of a key (any of its plans): what a budget check reads before a send. */
  lastUse(keyId: string): QuotaUse | null {
    let found: QuotaUse | null = null;
    for (const use of this.uses.values()) if (use.keyId === keyId) found = use;
    return found;
  }

  summary(): QuotaUse[] {
    return [...this.uses.values()];
  }

  private start(id: string, keyId: string | null, usagePlanId: string | null): QuotaUse {
    const use: QuotaUse = {
      keyId,
      usagePlanId,
      limit: null,
      usedAtStart: null,
      usedAtEnd: null,
      peak: null,
      throttled: 0,
      waits: 0,
      points: [],
    };
    this.uses.set(id, use);
    return use;
  }
}

/** What the ledger takes of a result: null when it got no response. */
export function quotaSampleOf(result: RunResult, now: Date): QuotaSample | null {
  if (!result.response) return null;
  return {
    keyId: result.signing?.keyId ?? null,
    status: result.response.status,
    throttle: result.throttle,
    at: result.sentAt ?? now,
    waits: result.waits ?? 0,
  };
}

/** `key AKID… · plan usagePlan-1: used 3 → 9 of 500 (peak 9), 0 throttled, 0 waits`. */
export function formatQuotaUse(use: QuotaUse): string {
  const who = [use.keyId && `key ${use.keyId}`, use.usagePlanId && `plan ${use.usagePlanId}`]
    .filter(Boolean)
    .join(' · ');
  const figures =
    use.usedAtStart === null
      ? 'no use reported'
      : `used ${use.usedAtStart} → ${use.usedAtEnd}${use.limit === null ? '' : ` of ${use.limit}`} (peak ${use.peak})`;
  return `${who || 'unnamed key'}: ${figures}, ${use.throttled} throttled, ${use.waits} wait${use.waits === 1 ? '' : 's'}`;
}
