import { GwHttpError, type SourceLocation } from '../errors';

/** The environment key that holds the OAuth2 configurations: `"$oauth2": { "NAME": { … } }`. */
export const oauth2ConfigKey = '$oauth2';

export const oauth2Grants = [
  'client_credentials',
  'password',
  'refresh_token',
  'authorization_code',
  'device_code',
] as const;

export type OAuth2Grant = (typeof oauth2Grants)[number];

/** One OAuth2 configuration with every `{{…}}` resolved; secrets are looked up separately (see oauth2Secrets). */
export interface OAuth2Config {
  name: string;
  grant: OAuth2Grant;
  tokenEndpoint: string;
  /** The issuer an ID token must name (default: the token endpoint's origin); only checked when one comes. */
  issuer: string;
  authorizationEndpoint: string | null;
  deviceAuthorizationEndpoint: string | null;
  clientId: string;
  /** How the client secret is sent: HTTP Basic (RFC 6749's default) or in the form body. */
  clientAuth: 'basic' | 'post';
  scope: string | null;
  audience: string | null;
  username: string | null;
  /** `authorization_code`: send a PKCE S256 challenge (default true). */
  usePkce: boolean;
  /** `authorization_code`: the loopback redirect's port on 127.0.0.1 (0: a free one). */
  redirectPort: number;
  /** How long one call to the token endpoint may take, in ms. */
  timeoutMs: number;
  /** `authorization_code` / `device_code`: how long to wait for the user, in ms. */
  interactiveTimeoutMs: number;
  /** Written values (may hold `{{…}}`) of the secrets; null: taken from the secret sources by id. */
  clientSecret: string | null;
  password: string | null;
  refreshToken: string | null;
  /** Secret-source key ids (defaults: `oauth2:NAME`, `oauth2:NAME:password`, `oauth2:NAME:refreshToken`). */
  clientSecretId: string;
  passwordId: string;
  refreshTokenId: string;
}

/** The raw configurations of the environment (selected one over `$shared`, NAME by NAME). */
export function readOAuth2Configs(
  environment: Readonly<Record<string, string>>,
  shared: Readonly<Record<string, string>>,
): Record<string, Record<string, unknown>> {
  return { ...parseConfigs(shared[oauth2ConfigKey]), ...parseConfigs(environment[oauth2ConfigKey]) };
}

/**
 * The names the variable checks know for `{{$oauth2 NAME}}`: `$oauth2 NAME` for each configuration of
 * one environment's values.
 */
export function oauth2ConfigNames(values: Readonly<Record<string, string>>): string[] {
  return Object.keys(parseConfigs(values[oauth2ConfigKey])).map((name) => `$oauth2 ${name}`);
}

function parseConfigs(text: string | undefined): Record<string, Record<string, unknown>> {
  if (text === undefined || text.trim() === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return {};
  }
  if (!isObject(value)) return {};
  const configs: Record<string, Record<string, unknown>> = {};
  for (const [name, config] of Object.entries(value)) if (isObject(config)) configs[name] = config;
  return configs;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const shapeHint =
  'See "OAuth2" in the README: "$oauth2": {"NAME": {"grant": "client_credentials", "tokenEndpoint": "https://…/token", "clientId": "…"}}.';

/**
 * Checks a raw configuration and resolves its `{{…}}` with `substitute`. Throws GwHttpError('oauth2')
 * at `location` naming the field that is wrong.
 */
export function resolveOAuth2Config(
  name: string,
  raw: Record<string, unknown>,
  substitute: (text: string) => string,
  location: SourceLocation,
): OAuth2Config {
  const fail = (what: string): never => {
    throw new GwHttpError('oauth2', `OAuth2 configuration "${name}": ${what}`, location, { hint: shapeHint });
  };
  const text = (field: string): string | null => {
    const value = raw[field];
    if (value === undefined || value === null) return null;
    if (typeof value !== 'string') return fail(`"${field}" must be a string`);
    const resolved = substitute(value).trim();
    return resolved === '' ? null : resolved;
  };
  const required = (field: string): string => text(field) ?? fail(`"${field}" is missing`);
  const grant = text('grant') ?? 'client_credentials';
  if (!(oauth2Grants as readonly string[]).includes(grant)) {
    fail(`"grant" is "${grant}"; use one of ${oauth2Grants.join(', ')}`);
  }
  const clientAuth = text('clientAuth') ?? 'basic';
  if (clientAuth !== 'basic' && clientAuth !== 'post') fail(`"clientAuth" is "${clientAuth}"; use basic or post`);
  const config: OAuth2Config = {
    name,
    grant: grant as OAuth2Grant,
    tokenEndpoint: checkUrl(required('tokenEndpoint'), 'tokenEndpoint', fail),
    issuer: '',
    authorizationEndpoint: optionalUrl(text('authorizationEndpoint'), 'authorizationEndpoint', fail),
    deviceAuthorizationEndpoint: optionalUrl(text('deviceAuthorizationEndpoint'), 'deviceAuthorizationEndpoint', fail),
    clientId: required('clientId'),
    clientAuth: clientAuth as OAuth2Config['clientAuth'],
    scope: text('scope'),
    audience: text('audience'),
    username: text('username'),
    usePkce: flag(raw.usePkce, true, 'usePkce', fail),
    redirectPort: whole(raw.redirectPort, 0, 'redirectPort', fail),
    timeoutMs: whole(raw.timeoutMs, 30_000, 'timeoutMs', fail),
    interactiveTimeoutMs: whole(raw.interactiveTimeoutMs, 300_000, 'interactiveTimeoutMs', fail),
    clientSecret: text('clientSecret'),
    password: text('password'),
    refreshToken: text('refreshToken'),
    clientSecretId: text('clientSecretId') ?? `oauth2:${name}`,
    passwordId: text('passwordId') ?? `oauth2:${name}:password`,
    refreshTokenId: text('refreshTokenId') ?? `oauth2:${name}:refreshToken`,
  };
  config.issuer = text('issuer') ?? new URL(config.tokenEndpoint).origin;
  if (config.grant === 'authorization_code' && config.authorizationEndpoint === null) {
    fail('"authorizationEndpoint" is missing (the authorization_code grant opens it in the browser)');
  }
  if (config.grant === 'device_code' && config.deviceAuthorizationEndpoint === null) {
    fail('"deviceAuthorizationEndpoint" is missing (the device_code grant asks it for the user code)');
  }
  if (config.grant === 'password' && config.username === null) fail('"username" is missing (the password grant)');
  return config;
}

function checkUrl(value: string, field: string, fail: (what: string) => never): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return fail(`"${field}" is not a URL: ${value}`);
  }
  if (url.protocol === 'https:') return value;
  if (url.protocol === 'http:' && isLoopbackHost(url.hostname)) return value;
  return fail(`"${field}" must be an https URL (plain http only on 127.0.0.1, ::1 or localhost): ${value}`);
}

function optionalUrl(value: string | null, field: string, fail: (what: string) => never): string | null {
  return value === null ? null : checkUrl(value, field, fail);
}

export function isLoopbackHost(hostname: string): boolean {
  return hostname === '127.0.0.1' || hostname === 'localhost' || hostname === '[::1]' || hostname === '::1';
}

function flag(value: unknown, fallback: boolean, field: string, fail: (what: string) => never): boolean {
  if (value === undefined || value === null) return fallback;
  if (typeof value === 'boolean') return value;
  if (value === 'true' || value === 'false') return value === 'true';
  return fail(`"${field}" must be true or false`);
}

function whole(value: unknown, fallback: number, field: string, fail: (what: string) => never): number {
  if (value === undefined || value === null) return fallback;
  const number = typeof value === 'string' ? Number(value) : value;
  if (typeof number === 'number' && Number.isInteger(number) && number >= 0) return number;
  return fail(`"${field}" must be a whole number`);
}
