import type { HeaderField, OutgoingRequest } from '../model/outgoing';

/** Phases of the final hop, in milliseconds; `totalMs` covers the whole exchange (all hops). */
export interface HttpTimings {
  /** DNS lookup (0 for an IP address or a reused socket). */
  dnsMs: number;
  /** TCP connect (0 for a reused socket). */
  connectMs: number;
  /** TLS handshake (0 for plain HTTP or a reused socket). */
  tlsMs: number;
  /** From the connection being ready (request sent) to the response headers. */
  firstByteMs: number;
  /** Reading and decoding the body. */
  downloadMs: number;
  totalMs: number;
}

/** One redirect that was followed: the 3xx answer and where it pointed. */
export interface RedirectHop {
  status: number;
  url: string;
  location: string;
}

/** The HTTP version an answer came over. */
export type HttpVersion = '1.1' | '2';

export interface HttpResponse {
  status: number;
  statusText: string;
  /** As received: original case, order, and repeated headers kept as repeated entries. */
  headers: HeaderField[];
  /**
   * The decoded body. When `bodyFile` is set the body was larger than the memory limit: `body` holds
   * only its first bytes and `bodyFile` holds all of it.
   */
  body: Buffer;
  /** Path of a temporary file holding the whole decoded body, or null when `body` is complete. */
  bodyFile: string | null;
  /** The body decoded as text (charset from Content-Type), cut at the display limit. */
  bodyText: string;
  /** True when `bodyText` shows only the start of the body. */
  bodyTruncated: boolean;
  /** Decoded body size in bytes. */
  size: number;
  /** Body bytes as received on the wire (before Content-Encoding decoding). */
  encodedSize: number;
  contentType: string | null;
  /** Charset used for `bodyText`. */
  charset: string;
  /** Final URL (after redirects). */
  url: string;
  /** The request as sent on the final hop (re-signed when redirected). */
  request: OutgoingRequest;
  redirects: RedirectHop[];
  timings: HttpTimings;
  /** The HTTP version of the final hop (absent in responses made before it was recorded: 1.1). */
  httpVersion?: HttpVersion;
  /**
   * Why an exchange asked over HTTP/2 went over HTTP/1.1: the TLS server did not pick h2 in ALPN, or
   * a proxy is configured for the URL (HTTP/2 is not tunnelled). Absent otherwise.
   */
  http2Fallback?: 'alpn' | 'proxy';
}
