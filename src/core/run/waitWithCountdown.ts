import { GwHttpError } from '../errors';

/** A wait the run is making before a send: what the front ends show (a countdown) while it lasts. */
export interface RunWait {
  /** Whole seconds still to wait; 0 when the wait is over (or was cancelled). */
  secondsLeft: number;
  /** The key (and plan) waited for, when known. */
  keyId: string | null;
  usagePlanId: string | null;
  /** `window`: the reported window is used up; `retry-after`: a 429 asked to wait. */
  reason: 'window' | 'retry-after';
}

/**
 * Waits `ms`, telling `tick` the seconds left once a second (and 0 at the end); rejects at once when
 * `signal` aborts (GwHttpError 'aborted'). Plain timers: node:timers/promises would load a module on every CLI run.
 */
export function waitWithCountdown(
  ms: number,
  signal: AbortSignal | undefined,
  tick: (secondsLeft: number) => void = () => {},
): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(cancelled());
    const end = Date.now() + Math.max(0, ms);
    let timer: NodeJS.Timeout | undefined;
    const finish = (error?: Error) => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      tick(0);
      if (error) reject(error);
      else resolve();
    };
    const onAbort = () => finish(cancelled());
    const step = () => {
      const left = end - Date.now();
      if (left <= 0) return finish();
      tick(Math.ceil(left / 1000));
      timer = setTimeout(step, Math.min(left, ((left - 1) % 1000) + 1));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    step();
  });
}

function cancelled(): GwHttpError {
  return new GwHttpError(
    'aborted',
    "Cancelled while waiting for the gateway's window; the request was not sent.",
    null,
    { hint: 'Run it again when the window has room, or without --pace.' },
  );
}
