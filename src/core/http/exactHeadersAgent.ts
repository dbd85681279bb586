import type { Agent, ClientRequest } from 'node:http';
import type { HeaderField } from '../model/outgoing';

type AgentWithAddRequest = Agent & { addRequest(request: ClientRequest, options: object): void };

/**
 * Wraps a pooled agent for one request. Before the request joins the pool its headers are replaced
 * by exactly `headers`, in their order (node-fetch and Node add Accept, User-Agent, Accept-Encoding
 * by default; they are dropped). Only what HTTP needs is added back when the request lacks it: Host
 * (first) and Content-Length (last). Node groups repeated names at the first one's place.
 * `onRequest` sees the raw ClientRequest (for socket timings and the raw response). `connectOptions`
 * are added to the request's connection options: https-proxy-agent ignores its own constructor's TLS
 * options for the target, so `rejectUnauthorized: false` (insecure) must travel this way.
 */
export function exactHeadersAgent(
  base: Agent,
  headers: HeaderField[],
  onRequest: (request: ClientRequest) => void,
  connectOptions: object | null = null,
): Agent {
  const pooled = base as AgentWithAddRequest;
  const wrapper = Object.create(base) as AgentWithAddRequest;
  wrapper.addRequest = (request, options) => {
    applyExactHeaders(request, headers);
    onRequest(request);
    pooled.addRequest(request, connectOptions ? { ...options, ...connectOptions } : options);
  };
  return wrapper;
}

export function applyExactHeaders(request: ClientRequest, headers: HeaderField[]): void {
  const automaticHost = request.getHeader('host');
  const automaticLength = request.getHeader('content-length');
  for (const name of request.getHeaderNames()) request.removeHeader(name);
  const has = (name: string) => headers.some((header) => header.name.toLowerCase() === name);
  if (!has('host') && automaticHost !== undefined) request.setHeader('Host', automaticHost);
  const grouped = new Map<string, { name: string; values: string[] }>();
  for (const header of headers) {
    const key = header.name.toLowerCase();
    const group = grouped.get(key);
    if (group) group.values.push(header.value);
    else grouped.set(key, { name: header.name, values: [header.value] });
  }
  for (const { name, values } of grouped.values()) {
    request.setHeader(name, values.length === 1 ? values[0] : values);
  }
  if (!has('content-length') && !has('transfer-encoding') && automaticLength !== undefined) {
    request.setHeader('Content-Length', automaticLength);
  }
}
