import type { AbortReason } from './mapHttpError';

/** What a timeout ends: a ClientRequest, an HTTP/2 stream, a connecting socket. */
export interface Destroyable {
  destroy(error?: Error): unknown;
}

export interface AbortScope {
  /** The caller's signal, handed to node-fetch as is. */
  signal: AbortSignal | undefined;
  /** Registers the request of the current hop (or the HTTP/2 stream or socket), so the timeout can end it. */
  track(request: Destroyable): void;
  reason(): AbortReason;
  dispose(): void;
}

/**
 * One deadline for a whole exchange (all hops, body included). The timeout destroys the hop's
 * request (and with it the body stream) rather than going through an AbortController, which
 * costs more per request than a small keep-alive exchange itself.
 */
export function abortScope(outer: AbortSignal | undefined, timeoutMs: number): AbortScope {
  return new ExchangeDeadline(outer, timeoutMs);
}

/** A class rather than closures: one small object per exchange, nothing else allocated. */
class ExchangeDeadline implements AbortScope {
  private timedOut = false;
  private active: Destroyable | null = null;
  private readonly timer: NodeJS.Timeout | null;

  constructor(
    readonly signal: AbortSignal | undefined,
    timeoutMs: number,
  ) {
    this.timer = timeoutMs > 0 ? setTimeout(expire, timeoutMs, this) : null;
  }

  expire(): void {
    this.timedOut = true;
    if (this.active) end(this.active);
  }

  track(request: Destroyable): void {
    this.active = request;
    if (this.timedOut) end(request);
  }

  reason(): AbortReason {
    return this.timedOut ? 'timeout' : this.signal?.aborted ? 'aborted' : null;
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.active = null;
  }
}

function expire(deadline: ExchangeDeadline): void {
  deadline.expire();
}

function end(request: Destroyable): void {
  request.destroy(Object.assign(new Error('timed out'), { code: 'ETIMEDOUT' }));
}
