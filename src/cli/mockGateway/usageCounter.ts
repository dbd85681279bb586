/**
 * Counts accepted requests per key and usage plan in fixed windows aligned to the epoch
 * (window 60 s → 10:00:00–10:00:59, 10:01:00–…). One instance per mock server; the clock is passed in.
 */
export interface Usage {
  used: number;
  limit: number;
  /** Seconds until the current window ends (at least 1). */
  resetSeconds: number;
  allowed: boolean;
}

export class UsageCounter {
  private readonly counts = new Map<string, { windowStart: number; used: number }>();

  constructor(private readonly windowSeconds: number) {}

  /** Records one request for `keyId` under `usagePlanId` unless the limit is reached. */
  take(keyId: string, usagePlanId: string, limit: number, now: Date): Usage {
    const windowMs = this.windowSeconds * 1000;
    const windowStart = Math.floor(now.getTime() / windowMs) * windowMs;
    const bucketKey = `${usagePlanId}\u0000${keyId}`;
    let bucket = this.counts.get(bucketKey);
    if (!bucket || bucket.windowStart !== windowStart) {
      bucket = { windowStart, used: 0 };
      this.counts.set(bucketKey, bucket);
    }
    const allowed = bucket.used < limit;
    if (allowed) bucket.used += 1;
    const resetSeconds = Math.max(1, Math.ceil((windowStart + windowMs - now.getTime()) / 1000));
    return { used: bucket.used, limit, resetSeconds, allowed };
  }
}
