import type { RunResult } from './runTypes';

/** Waits `ms`; rejects when `signal` aborts (node:timers/promises would load a module every CLI run). */
function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new Error('aborted'));
    const onAbort = () => {
      clearTimeout(timer);
      reject(new Error('aborted'));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

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
 * An abort during a wait ends the waiting and returns the last result.
 */
export async function retryRateLimited(
  send: () => Promise<RunResult>,
  retry: RateLimitRetry | null,
  signal?: AbortSignal,
): Promise<RunResult> {
  let result = await send();
  if (retry === null) return result;
  const waits: number[] = [];
  for (
    let delay = retryDelaySeconds(result, retry);
    delay !== null && waits.length < retry.maxRetries;
    delay = retryDelaySeconds(result, retry)
  ) {
    try {
      await sleep(delay * 1000, signal);
    } catch {
      break;
    }
    waits.push(delay);
    result = await send();
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
