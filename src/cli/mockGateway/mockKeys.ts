/**
 * The credentials the mock gateway accepts. With no keys file it uses the public demo keys below; they
 * are documented in examples/README.md and only ever valid against this local mock.
 */
export type MockKeyType = 'keypair' | 'app';

export interface MockKey {
  id: string;
  secret: string;
  usagePlanId: string;
  /** Requests allowed per window for this key and usage plan. */
  limit: number;
  /** `keypair` (Tencent key-pair auth) or `app` (Tencent application auth); default from the id prefix. */
  type: MockKeyType;
  /** The cloud scheme a built-in cloud demo key is for (shown in the echo), when it is one. */
  scheme?: string;
}

export interface MockKeySet {
  /** Counting window in seconds. */
  window: number;
  keys: MockKey[];
}

export const demoKeyPairId = 'AKIDgwhttpDEMO0000000000000000000001';
export const demoKeyPairSecret = 'gwhttp-demo-secret-0001-not-a-real-key';
export const demoAppKeyId = 'APIDgwhttpDEMO0000000000000000000001';
export const demoAppSecret = 'gwhttp-demo-app-secret-0001-not-a-real-key';

export function demoKeySet(): MockKeySet {
  return {
    window: 60,
    keys: [
      { id: demoKeyPairId, secret: demoKeyPairSecret, usagePlanId: 'usagePlan-demo', limit: 500, type: 'keypair' },
      { id: demoAppKeyId, secret: demoAppSecret, usagePlanId: 'usagePlan-demo-app', limit: 500, type: 'app' },
    ],
  };
}

function fail(message: string): never {
  throw new Error(`keys file: ${message}`);
}

/** Validates one key entry (from a keys file or `startMockGateway` options) and fills the defaults. */
export function readMockKey(entry: unknown, index: number): MockKey {
  if (typeof entry !== 'object' || entry === null) fail(`keys[${index}] must be an object`);
  const { id, secret, usagePlanId, limit, type } = entry as Record<string, unknown>;
  if (typeof id !== 'string' || id === '' || /[",\s]/.test(id)) {
    fail(`keys[${index}].id must be a non-empty string without quotes, commas or spaces`);
  }
  if (typeof secret !== 'string' || secret === '') fail(`keys[${index}].secret must be a non-empty string`);
  if (usagePlanId !== undefined && typeof usagePlanId !== 'string') fail(`keys[${index}].usagePlanId must be a string`);
  if (limit !== undefined && (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 0)) {
    fail(`keys[${index}].limit must be a non-negative integer`);
  }
  if (type !== undefined && type !== 'keypair' && type !== 'app') {
    fail(`keys[${index}].type must be "keypair" or "app"`);
  }
  return {
    id,
    secret: secret.trim(),
    usagePlanId: usagePlanId ?? `usagePlan-${id}`,
    limit: limit ?? 500,
    type: type ?? (id.startsWith('APID') ? 'app' : 'keypair'),
  };
}

/** Reads a keys file: `{"window":60,"keys":[{"id":"AKID…","secret":"…","usagePlanId":"…","limit":500}]}`. */
export function parseMockKeys(text: string): MockKeySet {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    fail(`not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  if (typeof data !== 'object' || data === null || !Array.isArray((data as { keys?: unknown }).keys)) {
    fail('expected an object with a "keys" array');
  }
  const { window, keys } = data as { window?: unknown; keys: unknown[] };
  if (window !== undefined && (typeof window !== 'number' || !(window > 0))) {
    fail('"window" must be a positive number of seconds');
  }
  if (keys.length === 0) fail('"keys" is empty');
  return { window: window ?? 60, keys: keys.map(readMockKey) };
}
