import type { ClientRequest, IncomingMessage } from 'node:http';
import type { Readable } from 'node:stream';

import fetch, { type Response } from 'node-fetch';

import { GwHttpError } from '../errors';
import type { HeaderField, OutgoingRequest } from '../model/outgoing';
import { type AbortScope, abortScope } from './abortScope';
import { certificateTlsOptions } from './clientCertificate';
import { decodeText } from './decodeText';
import type { ExactRequestPlan } from './exactHeadersAgent';
import { createHttpClient, type HttpClient } from './httpClient';
import type { HttpResponse, RedirectHop } from './httpResponse';
import { mapHttpError } from './mapHttpError';
import { nextRedirect } from './nextRedirect';
import { readBody } from './readBody';
import { type TimingMarks, timingsFrom, watchTimings } from './requestTimings';
import { sendHttp2 } from './sendHttp2';
import {
  defaultDisplayLimit,
  defaultMaxHeaderSize,
  defaultMaxRedirects,
  defaultMemoryLimit,
  type SendOptions,
} from './sendOptions';

/** Monotonic milliseconds (process.hrtime: `performance` would load the perf_hooks modules in every CLI run). */
function monotonicMs(): number {
  const [seconds, nanoseconds] = process.hrtime();
  return seconds * 1000 + nanoseconds / 1e6;
}

interface Hop {
  request: OutgoingRequest;
  /** `request.url` parsed (once per hop). */
  url: URL;
  response: Response;
  incoming: IncomingMessage;
  marks: TimingMarks;
}

/**
 * Sends one request with node-fetch over the client's keep-alive pool: exactly the given headers,
 * redirects followed by hand (each hop passed through `onRedirect` to be re-signed), the body
 * decoded and kept whole, and every failure turned into a GwHttpError.
 */
export async function sendHttp(request: OutgoingRequest, options: SendOptions = {}): Promise<HttpResponse> {
  if (options.httpVersion === '2') return sendOverHttp2(request, options);
  const client = options.client ?? createHttpClient();
  const now = options.now ?? monotonicMs;
  const timeoutMs = options.timeoutMs ?? 0;
  const scope = abortScope(options.signal, timeoutMs);
  const exchangeStart = now();
  let current = request;
  let inBody = false;
  try {
    const redirects: RedirectHop[] = [];
    for (;;) {
      const hop = await sendOnce(current, client, options, scope, now);
      options.onHop?.(hop.url.href, rawHeaderFields(hop.incoming.rawHeaders));
      const location = hop.response.headers.get('location');
      const next = options.followRedirects === false ? null : nextRedirect(current, hop.response.status, location);
      inBody = true;
      if (!next) return await finish(hop, redirects, options, () => timingsFrom(hop.marks, exchangeStart, now()));
      await drain(hop.response.body as unknown as Readable);
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
      redirects.push({ status: hop.response.status, url: current.url, location: next.url });
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
    });
  } finally {
    scope.dispose();
    if (!options.client) await client.close();
  }
}

/** An HTTP/2 exchange (sendHttp2) on the given client or a private one closed after it. */
async function sendOverHttp2(request: OutgoingRequest, options: SendOptions): Promise<HttpResponse> {
  const client = options.client ?? createHttpClient();
  try {
    return await sendHttp2(request, options, client, options.now ?? monotonicMs, sendHttp);
  } finally {
    if (!options.client) await client.close();
  }
}

async function sendOnce(
  request: OutgoingRequest,
  client: HttpClient,
  options: SendOptions,
  scope: AbortScope,
  now: () => number,
): Promise<Hop> {
  const url = parseUrl(request.url);
  const certificate = options.certificateFor ? await options.certificateFor(url) : null;
  const exact = client.exactAgentFor(url, options.insecure ?? false, options.env ?? {}, certificate);
  const insecure = options.insecure ? { rejectUnauthorized: false } : null;
  const watch = new HopWatch(
    request.headers,
    // Through a proxy the target's TLS options travel with the request (see exactHeadersAgent).
    certificate ? { ...insecure, ...certificateTlsOptions(certificate) } : insecure,
    options.maxHeaderSize ?? defaultMaxHeaderSize,
    scope,
    now,
  );
  const body = request.body
    ? Buffer.from(request.body.buffer, request.body.byteOffset, request.body.byteLength)
    : undefined;
  // No headers for node-fetch: the exact-headers agent replaces whatever it would send (and Node
  // validates the real ones), so building and validating node-fetch's copy was wasted work.
  const response = await exact.start(watch, () =>
    fetch(url.href, {
      method: request.method,
      body,
      redirect: 'manual',
      compress: false,
      agent: exact.agent,
      signal: scope.signal as never,
    }),
  );
  const incoming = watch.incoming;
  if (!incoming) throw new GwHttpError('protocol', `No response message for ${request.method} ${url.href}`, null);
  guardPrematureClose(incoming, response.body as unknown as Readable);
  return { request: { ...request, url: url.href }, url, response, incoming, marks: watch.marks };
}

/** One hop's request plan for the exact-headers agent, and what its ClientRequest reports. */
class HopWatch implements ExactRequestPlan {
  readonly marks: TimingMarks;
  incoming: IncomingMessage | null = null;

  constructor(
    readonly headers: HeaderField[],
    readonly connectOptions: object | null,
    readonly maxHeaderSize: number,
    private readonly scope: AbortScope,
    private readonly now: () => number,
  ) {
    this.marks = { start: now() };
  }

  onRequest(request: ClientRequest): void {
    this.scope.track(request);
    watchTimings(request, this.marks, this.now, (message) => (this.incoming = message));
  }
}

/** Node does not fail the piped body when the socket closes mid-body; make it fail. */
function guardPrematureClose(incoming: IncomingMessage, body: Readable): void {
  incoming.once('close', () => {
    if (!incoming.complete) {
      body.destroy(Object.assign(new Error('connection closed mid-body'), { code: 'ECONNRESET' }));
    }
  });
}

async function finish(
  hop: Hop,
  redirects: RedirectHop[],
  options: SendOptions,
  timings: () => HttpResponse['timings'],
): Promise<HttpResponse> {
  const { response, incoming, request, url } = hop;
  const noBody = request.method.toUpperCase() === 'HEAD' || response.status === 204 || response.status === 304;
  const body = await readBody(
    response.body as unknown as Readable,
    noBody ? null : response.headers.get('content-encoding'),
    { memoryLimit: options.memoryLimit ?? defaultMemoryLimit, spillDirectory: options.spillDirectory ?? null },
    url.host,
  );
  if (body.file && options.client) options.client.rememberFile(body.file);
  const displayLimit = options.displayLimit ?? defaultDisplayLimit;
  const contentType = response.headers.get('content-type');
  const cut = body.size > displayLimit;
  const text = decodeText(cut ? body.head.subarray(0, displayLimit) : body.head, contentType, cut);
  return {
    status: response.status,
    statusText: incoming.statusMessage ?? response.statusText,
    headers: rawHeaderFields(incoming.rawHeaders),
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
    httpVersion: '1.1',
  };
}

function rawHeaderFields(raw: string[]): HeaderField[] {
  const fields: HeaderField[] = [];
  for (let index = 0; index + 1 < raw.length; index += 2) fields.push({ name: raw[index], value: raw[index + 1] });
  return fields;
}

async function drain(body: Readable): Promise<void> {
  for await (const chunk of body) void chunk;
}

function parseUrl(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new GwHttpError('usage', `Invalid URL: ${url}`, null, { hint: 'Write an absolute http:// or https:// URL.' });
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new GwHttpError('usage', `Unsupported URL scheme ${parsed.protocol} in ${url}`, null, {
      hint: 'Only http:// and https:// URLs can be sent.',
    });
  }
  return parsed;
}
