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

  private readonly seconds = new Map<string, { second: number; used: number }>();

  /** `burst`: at most that many requests per key in any one second besides the window's limit (null: no such limit). */
  constructor(
    private readonly windowSeconds: number,
    private readonly burst: number | null = null,
  ) {}

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
    const underLimit = bucket.used < limit;
    const withinBurst = !underLimit || this.takeBurst(bucketKey, now);
    const allowed = underLimit && withinBurst;
    if (allowed) bucket.used += 1;
    const resetSeconds = withinBurst ? Math.max(1, Math.ceil((windowStart + windowMs - now.getTime()) / 1000)) : 1;
    return { used: bucket.used, limit, resetSeconds, allowed };
  }

  /** Whether this second still has room under the burst limit (counted only when it has). */
  private takeBurst(bucketKey: string, now: Date): boolean {
    if (this.burst === null) return true;
    const second = Math.floor(now.getTime() / 1000);
    let bucket = this.seconds.get(bucketKey);
    if (!bucket || bucket.second !== second) {
      bucket = { second, used: 0 };
      this.seconds.set(bucketKey, bucket);
    }
    if (bucket.used >= this.burst) return false;
    bucket.used += 1;
    return true;
  }
}
