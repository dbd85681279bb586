import { STATUS_CODES } from 'node:http';
import type * as http2 from 'node:http2';

import { GwHttpError } from '../errors';
import type { HeaderField, OutgoingRequest } from '../model/outgoing';
import { type AbortScope, abortScope, type Destroyable } from './abortScope';
import { decodeText } from './decodeText';
import { http2HeaderObject, http2RequestHeaders } from './http2Headers';
import type { HttpClient } from './httpClient';
import type { HttpResponse, RedirectHop } from './httpResponse';
import { mapHttpError } from './mapHttpError';
import { nextRedirect } from './nextRedirect';
import { readBody } from './readBody';
import { type TimingMarks, timingsFrom } from './requestTimings';
import {
  defaultDisplayLimit,
  defaultMaxHeaderSize,
  defaultMaxRedirects,
  defaultMemoryLimit,
  type SendOptions,
} from './sendOptions';

/** One HTTP/2 hop's answer: status and headers arrived, the body still to read from `stream`. */
interface Http2Hop {
  request: OutgoingRequest;
  url: URL;
  status: number;
  headers: HeaderField[];
  stream: http2.ClientHttp2Stream;
  marks: TimingMarks;
}

/** Sends the rest of an exchange over HTTP/1.1 (an origin whose ALPN did not pick h2). */
export type Http1Send = (request: OutgoingRequest, options: SendOptions) => Promise<HttpResponse>;

/**
 * Sends one request over HTTP/2 on the client's session for its origin (ALPN h2 on TLS, prior
 * knowledge on plain http), with what sendHttp does for HTTP/1.1: redirects followed by hand and
 * re-signed, body limits and spilling, Content-Encoding decoding, the exchange timeout, cancellation,
 * timings. A TLS origin that picks HTTP/1.1 in ALPN, or a URL that goes through a proxy, gets the
 * rest of the exchange over HTTP/1.1 (`httpVersion: '1.1'` and `http2Fallback` on the response say so).
 */
export async function sendHttp2(
  request: OutgoingRequest,
  options: SendOptions,
  client: HttpClient,
  now: () => number,
  sendHttp1: Http1Send,
): Promise<HttpResponse> {
  const timeoutMs = options.timeoutMs ?? 0;
  const scope = abortScope(options.signal, timeoutMs);
  const cancel = cancellation(options.signal, scope);
  const exchangeStart = now();
  const redirects: RedirectHop[] = [];
  let current = request;
  let inBody = false;
  try {
    for (;;) {
      const hop = await sendOnce(current, client, options, cancel, now);
      if (hop === 'alpn' || hop === 'proxy') {
        cancel.dispose();
        scope.dispose();
        const again = options.onHttp1Fallback ? await options.onHttp1Fallback(current) : current;
        const rest = await sendHttp1(again, { ...options, httpVersion: '1.1', client });
        return { ...rest, redirects: [...redirects, ...rest.redirects], http2Fallback: hop };
      }
      options.onHop?.(hop.url.href, hop.headers);
      const location = headerValue(hop.headers, 'location');
      const next = options.followRedirects === false ? null : nextRedirect(current, hop.status, location);
      inBody = true;
      if (!next) {
        return await finish(hop, redirects, options, client, () => timingsFrom(hop.marks, exchangeStart, now()));
      }
      hop.stream.resume();
      await new Promise<void>((resolve) => (hop.stream.closed ? resolve() : hop.stream.once('close', resolve)));
      inBody = false;
      const maxRedirects = options.maxRedirects ?? defaultMaxRedirects;
      if (redirects.length >= maxRedirects) {
        throw new GwHttpError(
          'protocol',
          `Too many redirects (more than ${maxRedirects}) starting at ${request.url}`,
          null,
          {
            hint: 'The server redirects in a loop; check the URL, or send with # @no-redirect to see the first answer.',
          },
        );
      }
      redirects.push({ status: hop.status, url: current.url, location: next.url });
      current = options.onRedirect ? await options.onRedirect(next) : next;
    }
  } catch (error) {
    throw mapHttpError(error, {
      method: current.method,
      url: current.url,
      inBody,
      reason: scope.reason(),
      timeoutMs,
      maxHeaderSize: options.maxHeaderSize ?? defaultMaxHeaderSize,
      http2: true,
    });
  } finally {
    cancel.dispose();
    scope.dispose();
  }
}

async function sendOnce(
  request: OutgoingRequest,
  client: HttpClient,
  options: SendOptions,
  cancel: Cancellation,
  now: () => number,
): Promise<Http2Hop | 'alpn' | 'proxy'> {
  const url = new URL(request.url);
  // HTTP/2 is not tunnelled through a proxy: such a URL goes over HTTP/1.1 through it.
  if (client.proxyFor(url, options.env ?? {}) !== null) return 'proxy';
  const marks: TimingMarks = { start: now() };
  const certificate = options.certificateFor ? await options.certificateFor(url) : null;
  const connection = await client.http2Sessions().connect(
    {
      url,
      insecure: options.insecure ?? false,
      certificate,
      maxHeaderSize: options.maxHeaderSize ?? defaultMaxHeaderSize,
    },
    { marks, now, track: cancel.track },
  );
  if (connection === 'http/1.1') return 'alpn';
  const fields = http2RequestHeaders(request, url);
  const stream = connection.session.request(http2HeaderObject(fields), { endStream: request.body === null });
  cancel.track(stream);
  if (request.body !== null) {
    stream.end(Buffer.from(request.body.buffer, request.body.byteOffset, request.body.byteLength));
  }
  const headers = await new Promise<http2.IncomingHttpHeaders & http2.IncomingHttpStatusHeader>((resolve, reject) => {
    stream.once('response', resolve);
    stream.once('error', reject);
    stream.once('close', () =>
      reject(
        Object.assign(new Error(`the HTTP/2 stream closed before an answer (code ${stream.rstCode})`), {
          code: 'ERR_HTTP2_STREAM_CLOSED_EARLY',
        }),
      ),
    );
  });
  marks.response = now();
  return {
    request: { ...request, url: url.href },
    url,
    status: Number(headers[':status']),
    headers: responseFields(headers),
    stream,
    marks,
  };
}

/**
 * Ends what is current (the connecting socket, then the stream, body included) when the caller's
 * signal aborts, and hands it to the exchange's timeout. One per exchange.
 */
function cancellation(signal: AbortSignal | undefined, scope: AbortScope): Cancellation {
  let active: Destroyable | null = null;
  const abort = () => active?.destroy(Object.assign(new Error('The operation was aborted'), { name: 'AbortError' }));
  signal?.addEventListener('abort', abort);
  return {
    track(target) {
      active = target;
      scope.track(target);
      if (signal?.aborted) abort();
    },
    dispose() {
      signal?.removeEventListener('abort', abort);
      active = null;
    },
  };
}

interface Cancellation {
  track: (target: Destroyable) => void;
  dispose: () => void;
}

async function finish(
  hop: Http2Hop,
  redirects: RedirectHop[],
  options: SendOptions,
  client: HttpClient,
  timings: () => HttpResponse['timings'],
): Promise<HttpResponse> {
  const { request, url, status, headers, stream } = hop;
  const noBody = request.method.toUpperCase() === 'HEAD' || status === 204 || status === 304;
  const body = await readBody(
    stream,
    noBody ? null : headerValue(headers, 'content-encoding'),
    { memoryLimit: options.memoryLimit ?? defaultMemoryLimit, spillDirectory: options.spillDirectory ?? null },
    url.host,
  );
  if (body.file && options.client) client.rememberFile(body.file);
  const displayLimit = options.displayLimit ?? defaultDisplayLimit;
  const contentType = headerValue(headers, 'content-type');
  const cut = body.size > displayLimit;
  const text = decodeText(cut ? body.head.subarray(0, displayLimit) : body.head, contentType, cut);
  return {
    status,
    statusText: STATUS_CODES[status] ?? '',
    headers,
    body: body.head,
    bodyFile: body.file,
    bodyText: text.text,
    bodyTruncated: cut,
    size: body.size,
    encodedSize: body.encodedSize,
    contentType,
    charset: text.charset,
    url: url.href,
    request,
    redirects,
    timings: timings(),
    httpVersion: '2',
  };
}

/** The response's headers as received, without the `:status` pseudo-header (repeated names as repeated fields). */
function responseFields(headers: http2.IncomingHttpHeaders): HeaderField[] {
  const fields: HeaderField[] = [];
  for (const [name, value] of Object.entries(headers)) {
    if (name.startsWith(':') || value === undefined) continue;
    if (Array.isArray(value)) for (const one of value) fields.push({ name, value: one });
    else fields.push({ name, value: String(value) });
  }
  return fields;
}

function headerValue(headers: readonly HeaderField[], name: string): string | null {
  for (const header of headers) if (header.name === name) return header.value;
  return null;
}
