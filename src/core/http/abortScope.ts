import type { ClientRequest } from 'node:http';
import type { AbortReason } from './mapHttpError';

export interface AbortScope {
  /** The caller's signal, handed to node-fetch as is. */
  signal: AbortSignal | undefined;
  /** Registers the request of the current hop, so the timeout can end it. */
  track(request: ClientRequest): void;
  reason(): AbortReason;
  dispose(): void;
}

/**
 * One deadline for a whole exchange (all hops, body included). The timeout destroys the hop's
 * request (and with it the body stream) rather than going through an AbortController, which
 * costs more per request than a small keep-alive exchange itself.
 */
export function abortScope(outer: AbortSignal | undefined, timeoutMs: number): AbortScope {
  let timedOut = false;
  let active: ClientRequest | null = null;
  const end = (request: ClientRequest) => request.destroy(Object.assign(new Error('timed out'), { code: 'ETIMEDOUT' }));
  const timer = timeoutMs > 0 ? setTimeout(() => {
    timedOut = true;
    if (active) end(active);
  }, timeoutMs) : null;
  return {
    signal: outer,
    track(request) {
      active = request;
      if (timedOut) end(request);
    },
    reason: () => (timedOut ? 'timeout' : outer?.aborted ? 'aborted' : null),
    dispose() {
      if (timer) clearTimeout(timer);
      active = null;
    },
  };
}
