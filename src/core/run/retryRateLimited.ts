import type { RunResult } from './runTypes';
import { type RunWait, waitWithCountdown } from './waitWithCountdown';

/** `gwhttp send --retry-429 MAX_SECONDS`: how a request refused with 429 is sent again. */
export interface RateLimitRetry {
  /** Longest wait accepted (seconds); a longer Retry-After is not waited for. */
  maxWaitSeconds: number;
  /** Sends after the first one, at most. */
  maxRetries: number;
}

/** Seconds to wait before sending again: the 429's Retry-After, else its window reset; null when it says neither or too long. */
export function retryDelaySeconds(result: RunResult, retry: RateLimitRetry): number | null {
  if (result.response?.status !== 429) return null;
  const seconds = result.throttle?.retryAfterSeconds ?? result.throttle?.resetSeconds ?? null;
  return seconds !== null && seconds >= 0 && seconds <= retry.maxWaitSeconds ? seconds : null;
}

/**
 * Runs `send` and, while it answers 429 with a Retry-After (or reset) the caller accepts, waits that
 * long and sends again (freshly prepared and signed). The result says how often and how long it waited.
 * An abort during a wait, or a send that is not made (`send` answers null), ends the waiting and
 * returns the last result.
 */
export async function retryRateLimited(
  send: () => Promise<RunResult | null>,
  retry: RateLimitRetry | null,
  signal?: AbortSignal,
  onWait?: (wait: RunWait) => void,
): Promise<RunResult> {
  let result = (await send())!;
  if (retry === null) return result;
  const waits: number[] = [];
  for (
    let delay = retryDelaySeconds(result, retry);
    delay !== null && waits.length < retry.maxRetries;
    delay = retryDelaySeconds(result, retry)
  ) {
    const tell = (secondsLeft: number) =>
      onWait?.({
        secondsLeft,
        keyId: result.throttle?.secretId ?? result.signing?.keyId ?? null,
        usagePlanId: result.throttle?.usagePlanId ?? null,
        reason: 'retry-after',
      });
    try {
      await waitWithCountdown(delay * 1000, signal, tell);
    } catch {
      break;
    }
    const again = await send();
    // null: the send was not made after all (the run stopped at its quota budget); the 429 stands.
    if (again === null) break;
    waits.push(delay);
    result = again;
  }
  if (waits.length > 0) {
    result.waits = waits.length;
    const outcome = result.response?.status === 429 ? 'still 429' : `then ${result.response?.status ?? 'no response'}`;
    result.warnings.unshift(
      `Sent ${waits.length + 1} times: the gateway answered 429 and asked to wait (${waits.map((seconds) => `${seconds} s`).join(', ')}); ${outcome}.`,
    );
  }
  return result;
}
