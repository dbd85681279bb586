import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

import { cloudDemoKeys, type CloudScheme } from '../mockGateway/clouds/mockCloudKeys';
import { demoAppKeyId, demoKeyPairId, demoKeySet, type MockKeySet, parseMockKeys } from '../mockGateway/mockKeys';
import type { MockProfile } from '../mockGateway/mockRejections';
import { startMockGateway } from '../mockGateway/startMockGateway';

const usage =
  'usage: gwhttp mock-gateway [--port N] [--keys FILE] [--profile current|legacy] [--limit N] [--window SECONDS] [--burst N] [--scheme aws-sigv4|tencent-tc3|alibaba-apigw|huawei-apig]';

/** Default port: the one `examples/gwhttp.env.json` (environment `local`) points at. */
export const defaultMockPort = 8787;

interface MockArguments {
  port: number;
  keys: MockKeySet;
  keysSource: string;
  profile: MockProfile;
  /** `--burst N`: requests per key in any one second (null: no such limit). */
  burst: number | null;
  scheme: CloudScheme | null;
}

function readArguments(args: string[]): MockArguments | string {
  let values: {
    port?: string;
    keys?: string;
    profile?: string;
    limit?: string;
    window?: string;
    burst?: string;
    scheme?: string;
  };
  try {
    ({ values } = parseArgs({
      args,
      options: {
        port: { type: 'string' },
        keys: { type: 'string' },
        profile: { type: 'string' },
        limit: { type: 'string' },
        window: { type: 'string' },
        burst: { type: 'string' },
        scheme: { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  const port = values.port === undefined ? defaultMockPort : Number(values.port);
  if (!/^\d+$/.test(values.port ?? '0') || port > 65535) {
    return `--port must be a number from 0 to 65535, got '${values.port}'`;
  }
  const profile = values.profile ?? 'current';
  if (profile !== 'current' && profile !== 'legacy') return `--profile must be 'current' or 'legacy', got '${profile}'`;
  const scheme = values.scheme ?? null;
  if (scheme !== null && !(scheme in cloudDemoKeys)) {
    return `--scheme must be one of ${Object.keys(cloudDemoKeys).join(', ')}, got '${scheme}'`;
  }
  const limits = readLimits(values);
  if (typeof limits === 'string') return limits;
  const read = readKeys(values.keys);
  if (typeof read === 'string') return read;
  const keys: MockKeySet = {
    window: limits.window ?? read.keys.window,
    keys: read.keys.keys.map((key) => (limits.limit === null ? key : { ...key, limit: limits.limit })),
  };
  return {
    port,
    keys,
    keysSource: read.source,
    profile: profile as MockProfile,
    burst: limits.burst,
    scheme: scheme as CloudScheme | null,
  };
}

/** `--limit`, `--window` and `--burst`: whole numbers above 0 (`--limit 0` refuses every request). */
function readLimits(values: {
  limit?: string;
  window?: string;
  burst?: string;
}): { limit: number | null; window: number | null; burst: number | null } | string {
  const whole = (name: string, text: string | undefined, min: number): number | null | string => {
    if (text === undefined) return null;
    return /^\d+$/.test(text) && Number(text) >= min
      ? Number(text)
      : `--${name} must be a whole number of at least ${min}, got '${text}'`;
  };
  const limit = whole('limit', values.limit, 0);
  const window = whole('window', values.window, 1);
  const burst = whole('burst', values.burst, 1);
  for (const value of [limit, window, burst]) if (typeof value === 'string') return value;
  return { limit: limit as number | null, window: window as number | null, burst: burst as number | null };
}

function readKeys(file: string | undefined): { keys: MockKeySet; source: string } | string {
  if (file === undefined) return { keys: demoKeySet(), source: 'demo keys' };
  const values = { keys: file };
  let text: string;
  try {
    text = readFileSync(values.keys, 'utf8');
  } catch (error) {
    return `cannot read keys file ${values.keys}: ${error instanceof Error ? error.message : String(error)}`;
  }
  try {
    return { keys: parseMockKeys(text), source: values.keys };
  } catch (error) {
    return `${values.keys}: ${error instanceof Error ? error.message : String(error)}`;
  }
}

/** Resolves on the first SIGINT/SIGTERM; `dispose` removes the handlers without waiting. */
function listenForStopSignal(): { signal: Promise<string>; dispose: () => void } {
  let dispose = (): void => undefined;
  const signal = new Promise<string>((resolve) => {
    const stop = (name: string): void => {
      dispose();
      resolve(name);
    };
    dispose = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  return { signal, dispose };
}

/**
 * `gwhttp mock-gateway`: runs the local mock API gateway until SIGINT/SIGTERM. The first stdout line is
 * exactly `listening on http://127.0.0.1:PORT` (scripts read it); then one line per request.
 */
export async function runMockGateway(args: string[]): Promise<number> {
  const parsed = readArguments(args);
  if (typeof parsed === 'string') {
    process.stderr.write(`gwhttp mock-gateway: ${parsed}\n${usage}\n`);
    return 2;
  }
  const out = (line: string): void => void process.stdout.write(`${line}\n`);
  // Listen for the stop signals before announcing the port, so a signal sent right after the
  // listening line never meets Node's default (kill) handler.
  const stop = listenForStopSignal();
  let gateway;
  try {
    gateway = await startMockGateway({
      port: parsed.port,
      keys: parsed.keys.keys,
      window: parsed.keys.window,
      burst: parsed.burst,
      profile: parsed.profile,
      cloudScheme: parsed.scheme,
      log: out,
    });
  } catch (error) {
    stop.dispose();
    process.stderr.write(
      `gwhttp mock-gateway: cannot listen on 127.0.0.1:${parsed.port}: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    return 1;
  }
  out(`listening on ${gateway.url}`);
  const ids = parsed.keys.keys
    .map((key) => `${key.id} (${key.type}, limit ${key.limit}/${parsed.keys.window}s)`)
    .join(', ');
  const burst = parsed.burst === null ? '' : `; burst ${parsed.burst}/s per key`;
  out(`profile ${parsed.profile}; keys from ${parsed.keysSource}: ${ids}${burst}`);
  if (parsed.keysSource === 'demo keys') {
    out(`demo secrets: see examples/README.md (set GWHTTP_SECRET_${demoKeyPairId} and GWHTTP_SECRET_${demoAppKeyId})`);
  }
  const signal = await stop.signal;
  await gateway.close();
  out(`stopped (${signal})`);
  return 0;
}
