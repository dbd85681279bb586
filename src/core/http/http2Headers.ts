import type { HeaderField, OutgoingRequest } from '../model/outgoing';

/** Connection-specific headers HTTP/2 forbids (RFC 9113 §8.2.2); Host becomes `:authority`. */
const connectionHeaders = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'transfer-encoding',
  'upgrade',
  'host',
  'http2-settings',
]);

/**
 * The header fields of `request` as they go on an HTTP/2 stream: the pseudo-headers first
 * (`:method`, `:path`, `:authority` — the request's Host header when it has one, else the URL's host —
 * and `:scheme`), then its headers in their order, names lower-cased, without the connection-specific
 * ones (Connection, Keep-Alive, Proxy-Connection, Transfer-Encoding, Upgrade, Host; TE unless
 * `trailers`), and `content-length` added for a body that has none.
 */
export function http2RequestHeaders(request: OutgoingRequest, url: URL = new URL(request.url)): HeaderField[] {
  let authority = url.host;
  const fields: HeaderField[] = [];
  let sized = false;
  for (const header of request.headers) {
    const name = header.name.toLowerCase();
    if (name === 'host') authority = header.value;
    if (connectionHeaders.has(name)) continue;
    if (name === 'te' && header.value.trim().toLowerCase() !== 'trailers') continue;
    if (name === 'content-length') sized = true;
    fields.push({ name, value: header.value });
  }
  if (!sized && request.body !== null) fields.push({ name: 'content-length', value: String(request.body.length) });
  return [
    { name: ':method', value: request.method },
    { name: ':path', value: `${url.pathname}${url.search}` },
    { name: ':authority', value: authority },
    { name: ':scheme', value: url.protocol.slice(0, -1) },
    ...fields,
  ];
}

/** The fields as the object `ClientHttp2Session.request` takes (a repeated name becomes an array). */
export function http2HeaderObject(fields: readonly HeaderField[]): Record<string, string | string[]> {
  const object: Record<string, string | string[]> = {};
  for (const { name, value } of fields) {
    const earlier = object[name];
    object[name] = earlier === undefined ? value : [...(typeof earlier === 'string' ? [earlier] : earlier), value];
  }
  return object;
}
