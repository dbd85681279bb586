import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

import { type Clock, systemClock } from '../../core';
import type { CloudScheme } from './clouds/mockCloudKeys';
import { type CloudMockState, verifyCloudRequest } from './clouds/verifyCloudRequest';
import { echoBody } from './echoBody';
import { demoKeySet, type MockKey, readMockKey } from './mockKeys';
import { type MockProfile, type Rejection, rejection } from './mockRejections';
import { groupRawHeaders, type MockRequest } from './mockRequest';
import { type Usage, UsageCounter } from './usageCounter';
import { verifyRequest } from './verifyRequest';
import { createStandardSchemeGate, type StandardSchemeGate, verifyStandardScheme } from './verifyStandardScheme';

export interface MockGatewayOptions {
  /** Port on 127.0.0.1; 0 (the default) picks a free one. */
  port?: number;
  /** Accepted keys (`type`, `usagePlanId`, `limit` optional); default: the demo keys (mockKeys.ts). */
  keys?: readonly (Partial<MockKey> & { id: string; secret: string })[];
  /** Counting window in seconds (default 60). */
  window?: number;
  /** At most this many requests per key in one second, besides the window's limit (default: none). */
  burst?: number | null;
  /** Which generation of Tencent error texts to answer with (default `current`). */
  profile?: MockProfile;
  /** Time source for X-Date checks, windows and the `Date` header (tests pin it). */
  clock?: Clock;
  /** Receives one line per request; never given a secret. */
  log?: (line: string) => void;
  /** Bodies larger than this are answered 413 (default 10 MiB). */
  maxBodyBytes?: number;
  /** Verify only this cloud scheme (`--scheme`); default: every cloud scheme besides the Tencent gateway. */
  cloudScheme?: CloudScheme | null;
}

export interface MockGateway {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** The options every answer reads; `reportReset`: a window was set, so its reset is reported. */
type MockSettings = Required<Pick<MockGatewayOptions, 'profile' | 'clock' | 'cloudScheme'>> & { reportReset: boolean };

interface Answer {
  status: number;
  body: unknown;
  headers: Record<string, string | string[]>;
  note: string;
}

/** With a window set (`--window`), the seconds until it ends too, so a client can pace itself (`--pace`). */
function throttlingHeaders(key: MockKey, usage: Usage, reportReset: boolean): Record<string, string> {
  return {
    'X-RateLimit-Limit': String(usage.limit),
    'X-RateLimit-Used': `${usage.used}/${usage.limit}`,
    ...(reportReset ? { 'X-RateLimit-Reset': String(usage.resetSeconds) } : {}),
    'X-UsagePlan-ID': key.usagePlanId,
    'X-Secret-ID': key.id,
  };
}

function rejected(value: Rejection, headers: Record<string, string> = {}): Answer {
  return { status: value.status, body: { message: value.message }, headers, note: value.message };
}

function answer(
  request: MockRequest,
  options: MockSettings,
  keys: Map<string, MockKey>,
  counter: UsageCounter,
  cloudState: CloudMockState,
  standard: StandardSchemeGate,
): Answer {
  const now = options.clock.now();
  const cloud = verifyCloudRequest(request, now, cloudState, options.cloudScheme);
  if (cloud !== null && !cloud.ok) return cloud;
  const standardVerification = cloud === null ? verifyStandardScheme(request, standard, now) : null;
  if (standardVerification && !standardVerification.ok) return standardVerification.answer;
  const verification = cloud ?? standardVerification ?? verifyRequest(request, keys, options.profile, now);
  if (!verification.ok) return rejected(verification.rejection);
  const { key } = verification;
  const usage = counter.take(key.id, key.usagePlanId, key.limit, now);
  const headers = throttlingHeaders(key, usage, options.reportReset);
  if (!usage.allowed) {
    return rejected(rejection(options.profile, 'rateLimited'), {
      ...headers,
      'Retry-After': String(usage.resetSeconds),
    });
  }
  const echo = echoBody(request, key);
  return {
    status: 200,
    body: standardVerification ? { ...echo, auth: { ...echo.auth, scheme: standardVerification.scheme } } : echo,
    headers,
    note: `key=${key.id} used=${usage.used}/${usage.limit}`,
  };
}

function readBody(req: http.IncomingMessage, maxBytes: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) chunks.push(chunk);
    });
    req.on('end', () => resolve(size > maxBytes ? null : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** A request target in absolute form (`http://host/path`) is reduced to its path and query. */
function originForm(target: string): string {
  return /^https?:\/\//i.test(target) ? target.replace(/^https?:\/\/[^/?#]*/i, '') || '/' : target;
}

interface HandlerContext {
  settings: MockSettings;
  cloudState: CloudMockState;
  keys: Map<string, MockKey>;
  counter: UsageCounter;
  standard: StandardSchemeGate;
  maxBodyBytes: number;
  log: ((line: string) => void) | undefined;
}

async function handleRequest(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  context: HandlerContext,
): Promise<void> {
  const { settings } = context;
  const method = req.method ?? 'GET';
  const target = originForm(req.url ?? '/');
  let result: Answer;
  try {
    const body = await readBody(req, context.maxBodyBytes);
    const request: MockRequest = {
      method,
      target,
      headers: groupRawHeaders(req.rawHeaders),
      body: body ?? Buffer.alloc(0),
    };
    result =
      body === null
        ? rejected(rejection(settings.profile, 'bodyTooLarge'))
        : answer(request, settings, context.keys, context.counter, context.cloudState, context.standard);
  } catch (error) {
    result = { status: 500, body: { message: 'mock gateway error' }, headers: {}, note: String(error) };
  }
  const text = JSON.stringify(result.body, null, 2);
  res.writeHead(result.status, {
    Date: settings.clock.now().toUTCString(),
    'Content-Type': 'application/json; charset=utf-8',
    ...result.headers,
    'Content-Length': String(Buffer.byteLength(text)),
  });
  res.end(text);
  context.log?.(`${method} ${target} -> ${result.status} ${result.note}`);
}

/**
 * Starts a local mock of a Tencent API gateway on 127.0.0.1: verifies key-pair and app-auth signatures
 * with its own verifier, answers the documented errors, counts use per key and usage plan, sends the
 * throttling headers on every authenticated answer and echoes accepted requests as JSON.
 */
export async function startMockGateway(options: MockGatewayOptions = {}): Promise<MockGateway> {
  const keyList = (options.keys ?? demoKeySet().keys).map((key, index) => readMockKey(key, index));
  const keys = new Map(keyList.map((key) => [key.id, key]));
  const settings = {
    profile: options.profile ?? 'current',
    clock: options.clock ?? systemClock,
    cloudScheme: options.cloudScheme ?? null,
    reportReset: options.window !== undefined,
  } as const;
  const counter = new UsageCounter(options.window ?? 60, options.burst ?? null);
  const maxBodyBytes = options.maxBodyBytes ?? 10 * 1024 * 1024;
  const cloudState: CloudMockState = { usedNonces: new Set() };
  const standard = createStandardSchemeGate();
  const context: HandlerContext = { settings, cloudState, keys, counter, standard, maxBodyBytes, log: options.log };
  const server = http.createServer((req, res) => {
    void handleRequest(req, res, context);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
