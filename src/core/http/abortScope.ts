import type { AbortReason } from './mapHttpError';

export interface AbortScope {
  signal: AbortSignal;
  reason(): AbortReason;
  dispose(): void;
}

/** One signal for a whole exchange: fires on the caller's signal or when the timeout passes. */
export function abortScope(outer: AbortSignal | undefined, timeoutMs: number): AbortScope {
  const controller = new AbortController();
  let reason: AbortReason = null;
  const fire = (why: Exclude<AbortReason, null>) => {
    reason ??= why;
    controller.abort();
  };
  const onAbort = () => fire('aborted');
  if (outer?.aborted) onAbort();
  else outer?.addEventListener('abort', onAbort, { once: true });
  const timer = timeoutMs > 0 ? setTimeout(() => fire('timeout'), timeoutMs) : null;
  return {
    signal: controller.signal,
    reason: () => reason,
    dispose() {
      if (timer) clearTimeout(timer);
      outer?.removeEventListener('abort', onAbort);
    },
  };
}
