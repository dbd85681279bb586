import * as oauth from 'oauth4webapi';

import type { SourceLocation } from '../errors';
import type { Clock } from '../ports';
import type { OAuth2Config } from './oauth2Config';
import { oauth2CallError, type OAuth2CallSite } from './oauth2Errors';
import type { OAuth2Interaction, OAuth2Token, Sleep } from './oauth2Ports';

/** The secrets of one configuration, looked up (null: none). */
export interface OAuth2Secrets {
  clientSecret: string | null;
  password: string | null;
  refreshToken: string | null;
}

/** What a grant needs besides its configuration and secrets. */
export interface GrantContext {
  clock: Clock;
  interaction: OAuth2Interaction | null;
  sleep: Sleep;
  signal?: AbortSignal;
  location: SourceLocation;
}

/** The authorization server as oauth4webapi sees it (no discovery: the endpoints are configured). */
export function authorizationServer(config: OAuth2Config): oauth.AuthorizationServer {
  return {
    issuer: config.issuer,
    token_endpoint: config.tokenEndpoint,
    ...(config.authorizationEndpoint ? { authorization_endpoint: config.authorizationEndpoint } : {}),
    ...(config.deviceAuthorizationEndpoint
      ? { device_authorization_endpoint: config.deviceAuthorizationEndpoint }
      : {}),
  };
}

export function oauthClient(config: OAuth2Config): oauth.Client {
  return { client_id: config.clientId };
}

/** Client authentication: none for a public client (no secret), else HTTP Basic or the form body. */
export function clientAuthentication(config: OAuth2Config, secret: string | null): oauth.ClientAuth {
  if (secret === null) return oauth.None();
  return config.clientAuth === 'post' ? oauth.ClientSecretPost(secret) : oauth.ClientSecretBasic(secret);
}

/** Options of one call: its timeout (and the run's cancel), and plain http allowed (loopback only, see oauth2Config). */
export function callOptions(config: OAuth2Config, url: string, signal?: AbortSignal) {
  const timeout = AbortSignal.timeout(config.timeoutMs);
  return {
    signal: signal ? AbortSignal.any([timeout, signal]) : timeout,
    [oauth.allowInsecureRequests]: url.startsWith('http:'),
  };
}

/** `scope` and `audience` as form parameters, when set. */
export function scopeParameters(config: OAuth2Config): Record<string, string> {
  return {
    ...(config.scope ? { scope: config.scope } : {}),
    ...(config.audience ? { audience: config.audience } : {}),
  };
}

export function secretsOf(secrets: OAuth2Secrets): string[] {
  return [secrets.clientSecret, secrets.password, secrets.refreshToken].filter((value) => value !== null);
}

/** Runs one call to an OAuth2 endpoint; any failure becomes GwHttpError('oauth2') with the secrets masked. */
export async function oauthCall<T>(site: OAuth2CallSite, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw oauth2CallError(error, site);
  }
}

export function tokenSite(
  config: OAuth2Config,
  secrets: OAuth2Secrets,
  location: SourceLocation,
  refreshing = false,
): OAuth2CallSite {
  return {
    config,
    location,
    endpoint: config.tokenEndpoint,
    what: 'token endpoint',
    secrets: secretsOf(secrets),
    refreshing,
  };
}

/** The token endpoint's answer as the cache keeps it. */
export function toToken(response: oauth.TokenEndpointResponse, clock: Clock): OAuth2Token {
  const receivedAt = clock.now().getTime();
  const expiresIn = response.expires_in;
  return {
    accessToken: response.access_token,
    tokenType: response.token_type,
    refreshToken: response.refresh_token ?? null,
    expiresAt: typeof expiresIn === 'number' ? receivedAt + expiresIn * 1000 : null,
    receivedAt,
  };
}
