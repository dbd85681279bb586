import type { Clock } from '../ports';
import type { RunWait } from '../run/waitWithCountdown';
import { waitWithCountdown } from '../run/waitWithCountdown';
import { budgetCeiling, type QuotaBudget } from './quotaBudget';
import type { ThrottleState } from './throttleState';

/** What the pacer knows of one key at one origin, from the gateway's last reports and the sends since. */
interface Bucket {
  keyId: string | null;
  usagePlanId: string | null;
  /** Whether any answer came back yet; `silent` when it carried no quota figures (no pacing then). */
  reported: boolean;
  silent: boolean;
  used: number | null;
  limit: number | null;
  /** When the reported window resets (ms since the epoch), or null when not reported. */
  resetAt: number | null;
  /** Sends started and not yet answered. */
  inFlight: number;
  /** Sends waiting for the next answer (a first report, or room in the window). */
  waiters: (() => void)[];
}

/** Where a send goes: the origin of its URL and the key it is signed with (null when unsigned). */
export interface PacedSend {
  url: string;
  keyId: string | null;
}

/** Why a run stopped rather than exceed `--quota-budget`. */
export interface BudgetStop {
  keyId: string | null;
  usagePlanId: string | null;
  used: number;
  limit: number | null;
  ceiling: number;
  budget: QuotaBudget;
}

export interface QuotaPacerOptions {
  /** Spread sends so the reported window is not exceeded (`--pace`). */
  pace: boolean;
  /** Stop the run rather than push a key's reported use past this (`--quota-budget`). */
  budget: QuotaBudget | null;
  clock: Clock;
  /** Told once a second while a send waits, and with 0 when the wait ends. */
  onWait?: (wait: RunWait) => void;
}

/**
 * Paces a run's sends by what the gateway reports of each key's window (`used/limit`, remaining,
 * reset, `Retry-After`) and stops it before a send that would exceed the quota budget. One per run
 * (across its files); runRequests asks it before each send and tells it each answer.
 */
export class QuotaPacer {
  private readonly buckets = new Map<string, Bucket>();

  /** Set when the budget refused a send: the run stops there. */
  stopped: BudgetStop | null = null;

  constructor(private readonly options: QuotaPacerOptions) {}

  /** Whether it does anything (without --pace or a budget the run skips it). */
  get active(): boolean {
    return this.options.pace || this.options.budget !== null;
  }

  /** Whether it paces (`--pace`): then a 429 is sent again after its wait too. */
  get pacing(): boolean {
    return this.options.pace;
  }

  /**
   * Waits until `send` may go; false when the budget refuses it (then `stopped` says why). Counts the
   * send as in flight until `answered`; `waited` is told of each wait for a window to reset. Rejects
   * when `signal` aborts during a wait.
   */
  async beforeSend(send: PacedSend, signal: AbortSignal | undefined, waited: () => void): Promise<boolean> {
    const bucket = this.bucketOf(send);
    for (;;) {
      if (this.stopped) return false;
      const stop = this.budgetStop(bucket);
      if (stop) {
        this.stopped = stop;
        return false;
      }
      const hold = this.holdFor(bucket);
      if (hold === null) break;
      if (hold === 'answer') {
        await new Promise<void>((resolve) => bucket.waiters.push(resolve));
      } else {
        waited();
        await this.waitForReset(bucket, hold, signal);
      }
    }
    bucket.inFlight++;
    if (bucket.used !== null) bucket.used++;
    return true;
  }

  /** Takes in a send's answer (or its failure: `status` null) and wakes the sends waiting for one. */
  answered(send: PacedSend, status: number | null, throttle: ThrottleState | null): void {
    const bucket = this.bucketOf(send);
    bucket.inFlight = Math.max(0, bucket.inFlight - 1);
    if (status !== null) this.learn(bucket, status, throttle);
    for (const wake of bucket.waiters.splice(0)) wake();
  }

  /** null: go now; `answer`: wait for the next answer; a number: wait until then (ms since the epoch). */
  private holdFor(bucket: Bucket): 'answer' | number | null {
    // Before the first answer of a key only one send goes: its answer says what the window allows.
    if (!bucket.reported) return bucket.inFlight === 0 ? null : 'answer';
    if (!this.options.pace || bucket.silent) return null;
    const now = this.options.clock.now().getTime();
    if (bucket.resetAt !== null && now >= bucket.resetAt) {
      bucket.used = 0;
      bucket.resetAt = null;
    }
    if (bucket.limit === null || bucket.used === null || bucket.used < bucket.limit) return null;
    if (bucket.resetAt !== null) return bucket.resetAt;
    return bucket.inFlight > 0 ? 'answer' : null;
  }

  private budgetStop(bucket: Bucket): BudgetStop | null {
    const { budget } = this.options;
    if (budget === null || bucket.used === null) return null;
    const ceiling = budgetCeiling(budget, bucket.limit);
    if (ceiling === null || bucket.used + 1 <= ceiling) return null;
    const { keyId, usagePlanId, used, limit } = bucket;
    return { keyId, usagePlanId, used, limit, ceiling, budget };
  }

  private async waitForReset(bucket: Bucket, until: number, signal: AbortSignal | undefined): Promise<void> {
    const { onWait, clock } = this.options;
    const tell = (secondsLeft: number) =>
      onWait?.({ secondsLeft, keyId: bucket.keyId, usagePlanId: bucket.usagePlanId, reason: 'window' });
    await waitWithCountdown(until - clock.now().getTime(), signal, tell);
  }

  private learn(bucket: Bucket, status: number, throttle: ThrottleState | null): void {
    const now = this.options.clock.now().getTime();
    const used = throttle ? usedOf(throttle) : null;
    const limit = throttle ? (throttle.usedOf ?? throttle.limit) : null;
    const resetSeconds = throttle?.retryAfterSeconds ?? throttle?.resetSeconds ?? null;
    bucket.reported = true;
    bucket.keyId = throttle?.secretId ?? bucket.keyId;
    bucket.usagePlanId = throttle?.usagePlanId ?? bucket.usagePlanId;
    if (used === null && limit === null && status !== 429) {
      bucket.silent = bucket.used === null;
      return;
    }
    bucket.silent = false;
    if (limit !== null) bucket.limit = limit;
    const resetAt = resetSeconds === null ? null : now + resetSeconds * 1000;
    const sameWindow = bucket.resetAt !== null && now < bucket.resetAt;
    const reported = status === 429 ? (bucket.limit ?? used) : used;
    if (reported !== null) {
      bucket.used = sameWindow ? Math.max(bucket.used ?? 0, reported + bucket.inFlight) : reported + bucket.inFlight;
    }
    if (resetAt !== null && (!sameWindow || status === 429)) bucket.resetAt = resetAt;
  }

  private bucketOf(send: PacedSend): Bucket {
    const id = `${originOf(send.url)} ${send.keyId ?? ''}`;
    let bucket = this.buckets.get(id);
    if (!bucket) {
      bucket = {
        keyId: send.keyId,
        usagePlanId: null,
        reported: false,
        silent: false,
        used: null,
        limit: null,
        resetAt: null,
        inFlight: 0,
        waiters: [],
      };
      this.buckets.set(id, bucket);
    }
    return bucket;
  }
}

/** The use a state reports: `used`, else derived from limit and remaining. */
function usedOf(state: ThrottleState): number | null {
  if (state.used !== null) return state.used;
  if (state.limit !== null && state.remaining !== null) return Math.max(0, state.limit - state.remaining);
  return null;
}

function originOf(url: string): string {
  const match = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i.exec(url);
  return match ? match[0].toLowerCase() : url;
}
