import type { HeaderField, OutgoingRequest } from '../model/outgoing';
import type { ClientCertificate } from './clientCertificate';
import type { HttpClient } from './httpClient';
import type { HttpVersion } from './httpResponse';

export interface SendOptions {
  /** Keep-alive connection pool. When omitted, a private one is made and closed after the response. */
  client?: HttpClient;
  signal?: AbortSignal;
  /** Whole-exchange timeout (all hops, body included). 0 or undefined: no timeout. */
  timeoutMs?: number;
  /** Follow 3xx redirects (default true; `# @no-redirect` turns it off). */
  followRedirects?: boolean;
  /** Maximum number of redirects followed (default 10). */
  maxRedirects?: number;
  /** Skip TLS certificate verification (`# @insecure`, `--insecure`). */
  insecure?: boolean;
  /** Environment for HTTP_PROXY / HTTPS_PROXY / NO_PROXY (the core never reads process.env). */
  env?: Record<string, string | undefined>;
  /** Called for each redirect hop with the next request; returns it re-signed. */
  onRedirect?: (next: OutgoingRequest) => OutgoingRequest | Promise<OutgoingRequest>;
  /** Told each hop's URL and response headers as they arrive (the cookie jar stores their `Set-Cookie`). */
  onHop?: (url: string, headers: readonly HeaderField[]) => void;
  /** Bytes of body decoded into `bodyText` (default 1 MiB). */
  displayLimit?: number;
  /** Bytes of body kept in memory before spilling to a file (default 32 MiB). */
  memoryLimit?: number;
  /** Folder for spilled bodies; null keeps everything in memory. Default null. */
  spillDirectory?: string | null;
  /**
   * Largest response header block accepted, in bytes (default 256 KiB; Node's own 16 KiB refuses a
   * large Set-Cookie). Past it the send fails with a `headerOverflow` error naming the limit.
   */
  maxHeaderSize?: number;
  /**
   * `'2'`: HTTP/2 (ALPN on TLS, falling back to HTTP/1.1 when the server does not pick h2; prior
   * knowledge, h2c, on plain http). Default `'1.1'`.
   */
  httpVersion?: HttpVersion;
  /**
   * Told the hop's request when an exchange asked over HTTP/2 goes over HTTP/1.1 (ALPN, a proxy);
   * returns it signed for HTTP/1.1 (a signed request line). Absent: the request is sent as it is.
   */
  onHttp1Fallback?: (request: OutgoingRequest) => OutgoingRequest | Promise<OutgoingRequest>;
  /** The client certificate for a hop's URL (mutual TLS), or null; absent: none for any. */
  certificateFor?: (url: URL) => Promise<ClientCertificate | null>;
  /** Monotonic milliseconds (default: process.hrtime in ms). */
  now?: () => number;
}

export const defaultDisplayLimit = 1024 * 1024;
export const defaultMemoryLimit = 32 * 1024 * 1024;
export const defaultMaxRedirects = 10;
export const defaultMaxHeaderSize = 256 * 1024;
/** The largest header limit a user may ask for (64 MiB): more is a mistake, not a cookie. */
export const maxHeaderSizeLimit = 64 * 1024 * 1024;
