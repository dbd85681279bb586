import { promises as fs } from 'node:fs';
import * as http from 'node:http';
import * as https from 'node:https';

import type { HttpProxyAgent } from 'http-proxy-agent';
import type { HttpsProxyAgent } from 'https-proxy-agent';

import { certificateTlsOptions, type ClientCertificate } from './clientCertificate';
import { type ExactHeadersAgent, exactHeadersAgent } from './exactHeadersAgent';
import type { Http2Sessions } from './http2Sessions';
import { proxyForUrl } from './proxyForUrl';

/**
 * A keep-alive connection pool: one http agent, two https agents (verifying and `insecure`) and one
 * agent per proxy. It also remembers the temporary files bodies were spilled to, and removes them
 * on `close()`.
 */
export interface HttpClient {
  /** The pooled agent for `url`; an https one per client certificate (`certificate`, when given). */
  agentFor(
    url: URL,
    insecure: boolean,
    env: Record<string, string | undefined>,
    certificate?: ClientCertificate | null,
  ): http.Agent;
  /** The pooled agent for `url` wrapped to send exactly the given headers (one wrapper per pool). */
  exactAgentFor(
    url: URL,
    insecure: boolean,
    env: Record<string, string | undefined>,
    certificate?: ClientCertificate | null,
  ): ExactHeadersAgent;
  /** The proxy requests to `url` go through under `env` (HTTP_PROXY, HTTPS_PROXY, NO_PROXY), or null. */
  proxyFor(url: URL, env: Record<string, string | undefined>): string | null;
  /** The HTTP/2 sessions of the pool (made on first use; closed by `close()`). */
  http2Sessions(): Http2Sessions;
  rememberFile(path: string): void;
  close(): Promise<void>;
}

/**
 * An agent that tunnels through `proxy`. The proxy packages (with agent-base, debug and their Node
 * modules) are loaded only when a proxy is used: loading them cost every CLI run a few milliseconds.
 */
function proxyAgent(
  secure: boolean,
  proxy: string,
  options: { keepAlive: boolean; rejectUnauthorized: boolean },
): http.Agent {
  if (secure) {
    const { HttpsProxyAgent: Agent } = require('https-proxy-agent') as { HttpsProxyAgent: typeof HttpsProxyAgent };
    return new Agent(proxy, options);
  }
  const { HttpProxyAgent: Agent } = require('http-proxy-agent') as { HttpProxyAgent: typeof HttpProxyAgent };
  return new Agent(proxy, options);
}

/** The variables proxy-from-env reads for a proxy (either case); when none is set it never proxies. */
const proxyVariables = [
  'npm_config_http_proxy',
  'npm_config_https_proxy',
  'http_proxy',
  'https_proxy',
  'npm_config_proxy',
  'all_proxy',
];

function namesProxy(env: Record<string, string | undefined>): boolean {
  return proxyVariables.some((name) => Boolean(env[name] || env[name.toUpperCase()]));
}

export function createHttpClient(): HttpClient {
  const agents = new Map<string, http.Agent>();
  const exactAgents = new WeakMap<http.Agent, ExactHeadersAgent>();
  const files: string[] = [];
  let sessions: Http2Sessions | null = null;
  /**
   * Proxy decisions per environment object and origin (the environment is not expected to change);
   * null for an environment that names no proxy at all, which needs no per-origin decision.
   */
  const proxies = new WeakMap<object, Map<string, string | null> | null>();
  const proxyFor = (url: URL, env: Record<string, string | undefined>): string | null => {
    let byOrigin = proxies.get(env);
    if (byOrigin === undefined) proxies.set(env, (byOrigin = namesProxy(env) ? new Map() : null));
    if (byOrigin === null) return null;
    const origin = `${url.protocol}//${url.host}`;
    let proxy = byOrigin.get(origin);
    if (proxy === undefined) byOrigin.set(origin, (proxy = proxyForUrl(url.href, env)));
    return proxy;
  };
  const agentOptions = (insecure: boolean) => ({ keepAlive: true, rejectUnauthorized: !insecure });

  function make(key: string, build: () => http.Agent): http.Agent {
    let agent = agents.get(key);
    if (!agent) {
      agent = build();
      agents.set(key, agent);
    }
    return agent;
  }

  const client: HttpClient = {
    agentFor(url, insecure, env, certificate) {
      const secure = url.protocol === 'https:';
      const proxy = proxyFor(url, env);
      const cert = secure && certificate ? certificate : null;
      if (proxy) {
        const key = `${secure ? 'https' : 'http'} via ${proxy} ${insecure ? 'insecure' : 'verify'}${cert ? ` cert ${cert.id}` : ''}`;
        return make(key, () => proxyAgent(secure, proxy, agentOptions(insecure)));
      }
      if (!secure) return make('http', () => new http.Agent({ keepAlive: true }));
      if (cert) {
        const key = `https ${insecure ? 'insecure' : 'verify'} cert ${cert.id}`;
        return make(key, () => new https.Agent({ ...agentOptions(insecure), ...certificateTlsOptions(cert) }));
      }
      return make(insecure ? 'https insecure' : 'https', () => new https.Agent(agentOptions(insecure)));
    },
    exactAgentFor(url, insecure, env, certificate) {
      const base = client.agentFor(url, insecure, env, certificate);
      let exact = exactAgents.get(base);
      if (!exact) exactAgents.set(base, (exact = exactHeadersAgent(base)));
      return exact;
    },
    proxyFor,
    http2Sessions() {
      if (sessions === null) {
        // node:http2 is loaded only when a request asks for HTTP/2.
        const { Http2Sessions: Sessions } = require('./http2Sessions') as { Http2Sessions: typeof Http2Sessions };
        sessions = new Sessions();
      }
      return sessions;
    },
    rememberFile(path) {
      files.push(path);
    },
    async close() {
      for (const agent of agents.values()) agent.destroy();
      agents.clear();
      sessions?.close();
      sessions = null;
      const removing = files.splice(0).map((file) => fs.rm(file, { force: true }));
      await Promise.all(removing);
    },
  };
  return client;
}
