import type { HeaderField, OutgoingRequest } from '../model/outgoing';

/** Methods Node sends without a body by default (it adds no `Content-Length: 0` for them). */
const bodilessByDefault = new Set(['GET', 'HEAD', 'DELETE', 'OPTIONS', 'TRACE', 'CONNECT']);

/**
 * The header lines exactly as they go on the wire for `request` through the client's exact-headers agent
 * (see exactHeadersAgent): `Host` first unless the request has one; the request's headers in their order,
 * a repeated name grouped at its first place and spelling; then what node-fetch and Node add: `Content-Length` for a
 * body (or `0` for a POST or PUT without one, from node-fetch), `Connection: keep-alive` (the pooled
 * agent), and `Content-Length: 0` after it for other methods that may carry a body (from Node).
 */
export function sentHeaders(request: OutgoingRequest): HeaderField[] {
  const lower = request.headers.map((header) => header.name.toLowerCase());
  const has = (name: string): boolean => lower.includes(name);
  const lines: HeaderField[] = has('host') ? [] : [{ name: 'Host', value: new URL(request.url).host }];
  lower.forEach((name, index) => {
    if (lower.indexOf(name) !== index) return;
    for (let later = index; later < lower.length; later++) {
      if (lower[later] === name) lines.push({ name: request.headers[index].name, value: request.headers[later].value });
    }
  });
  const sized = has('content-length') || has('transfer-encoding');
  const method = request.method.toUpperCase();
  if (!sized && request.body !== null) lines.push({ name: 'Content-Length', value: String(request.body.length) });
  else if (!sized && (method === 'POST' || method === 'PUT')) lines.push({ name: 'Content-Length', value: '0' });
  if (!has('connection')) lines.push({ name: 'Connection', value: 'keep-alive' });
  if (!sized && request.body === null && !bodilessByDefault.has(method) && method !== 'POST' && method !== 'PUT') {
    lines.push({ name: 'Content-Length', value: '0' });
  }
  return lines;
}
