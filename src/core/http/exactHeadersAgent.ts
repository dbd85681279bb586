import type { Agent, ClientRequest } from 'node:http';

import type { HeaderField } from '../model/outgoing';

type AgentWithAddRequest = Agent & { addRequest(request: ClientRequest, options: object): void };

/** Node reads `maxHeaderSize` off the request when it sets up the response parser, after `addRequest`. */
type SizedRequest = ClientRequest & { maxHeaderSize?: number };

/** What the next request to join the pool gets. */
export interface ExactRequestPlan {
  /** Exactly the headers to send, in order. */
  headers: HeaderField[];
  /** Sees the raw ClientRequest (for socket timings and the raw response). */
  onRequest: (request: ClientRequest) => void;
  /** Added to the request's connection options (see below), or null. */
  connectOptions: object | null;
  /** Largest response header block the request's parser accepts, in bytes. */
  maxHeaderSize: number;
}

export interface ExactHeadersAgent {
  /** The agent to hand to node-fetch. */
  readonly agent: Agent;
  /**
   * Runs `start`, which must create its ClientRequest synchronously (node-fetch's `fetch()` does, in
   * its Promise executor), with `plan` applied to that request.
   */
  start<T>(plan: ExactRequestPlan, start: () => T): T;
}

/**
 * Makes a pooled agent send exact headers, once per pool. Before a request joins the pool its
 * headers are replaced by exactly the plan's headers, in their order (node-fetch and Node add
 * Accept, User-Agent, Accept-Encoding by default; they are dropped). Only what HTTP needs is added
 * back when the request lacks it: Host (first) and Content-Length (last). Node groups repeated
 * names at the first one's place. `connectOptions` are added to the request's connection options:
 * https-proxy-agent ignores its own constructor's TLS options for the target, so
 * `rejectUnauthorized: false` (insecure) must travel this way. The plan's `maxHeaderSize` is set on
 * the request (node-fetch passes no such option through). A request that joins the pool
 * outside `start` passes through unchanged.
 *
 * The agent's own `addRequest` is replaced (the agent belongs to the pool) and the plan handed over
 * in a slot that `start` fills and empties around the synchronous request creation. Wrapping the
 * agent per request (`Object.create(agent)`) made every request's objects survive young GCs; a
 * wrapper per pool still gave each pool's agent a new prototype map, which kept Node's HTTP code
 * and node-fetch from settling on one agent shape.
 */
export function exactHeadersAgent(base: Agent): ExactHeadersAgent {
  const pooled = base as AgentWithAddRequest;
  const addRequest = pooled.addRequest;
  let pending: ExactRequestPlan | null = null;
  pooled.addRequest = function addExactRequest(this: AgentWithAddRequest, request: ClientRequest, options: object) {
    const plan = pending;
    pending = null;
    if (plan !== null) {
      (request as SizedRequest).maxHeaderSize = plan.maxHeaderSize;
      applyExactHeaders(request, plan.headers);
      plan.onRequest(request);
      if (plan.connectOptions) options = { ...options, ...plan.connectOptions };
    }
    addRequest.call(this, request, options);
  };
  return {
    agent: pooled,
    start(plan, start) {
      pending = plan;
      try {
        return start();
      } finally {
        pending = null;
      }
    },
  };
}

export function applyExactHeaders(request: ClientRequest, headers: HeaderField[]): void {
  const automaticHost = request.getHeader('host');
  const automaticLength = request.getHeader('content-length');
  for (const name of request.getHeaderNames()) request.removeHeader(name);
  // Names lower-cased once; a handful of headers, so a repeat is found by scanning (no Map per request).
  const lower = headers.map((header) => header.name.toLowerCase());
  if (!lower.includes('host') && automaticHost !== undefined) request.setHeader('Host', automaticHost);
  for (let index = 0; index < headers.length; index++) {
    const key = lower[index];
    if (lower.indexOf(key) !== index) continue;
    let values: string | string[] = headers[index].value;
    for (let later = index + 1; later < headers.length; later++) {
      if (lower[later] === key) values = [...(typeof values === 'string' ? [values] : values), headers[later].value];
    }
    request.setHeader(headers[index].name, values);
  }
  if (!lower.includes('content-length') && !lower.includes('transfer-encoding') && automaticLength !== undefined) {
    request.setHeader('Content-Length', automaticLength);
  }
}
