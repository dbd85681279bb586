import * as oauth from 'oauth4webapi';

import { GwHttpError, type SourceLocation } from '../errors';
import { Redactor } from '../redaction/redactor';
import { storeSecretCommandTitle } from '../secrets/resolveSecret';
import { secretEnvVarName } from '../secrets/secretEnvVarName';
import type { OAuth2Config } from './oauth2Config';

/** Where a call went and which secrets its failure text must never show. */
export interface OAuth2CallSite {
  config: OAuth2Config;
  location: SourceLocation;
  /** The endpoint called (for messages). */
  endpoint: string;
  /** What was asked: "token endpoint", "device authorization endpoint". */
  what: string;
  secrets: readonly string[];
  /** A refresh of a stored token (an `invalid_grant` then means the refresh token expired). */
  refreshing?: boolean;
}

/** The OAuth error code and description a failed call carries, when it carries one. */
export function oauthErrorOf(error: unknown): { error: string; description: string | null; status: number } | null {
  if (error instanceof oauth.ResponseBodyError) {
    return { error: error.error, description: error.error_description ?? null, status: error.status };
  }
  if (error instanceof oauth.WWWAuthenticateChallengeError) {
    const parameters = error.cause[0]?.parameters ?? {};
    return {
      error: parameters.error ?? 'invalid_client',
      description: parameters.error_description ?? null,
      status: error.status,
    };
  }
  return null;
}

/** Any failure of a call to an OAuth2 endpoint as a GwHttpError('oauth2') with a hint; secrets masked. */
export function oauth2CallError(error: unknown, site: OAuth2CallSite): GwHttpError {
  if (error instanceof GwHttpError) return error;
  const mask = new Redactor(site.secrets);
  const prefix = `OAuth2 "${site.config.name}"`;
  const answered = oauthErrorOf(error);
  const failed = (message: string, hint: string) =>
    new GwHttpError('oauth2', mask.text(`${prefix}: ${message}`), site.location, {
      hint: mask.text(hint),
      ...(answered ? { oauthError: answered.error } : {}),
    });
  if (answered) {
    const said = `${answered.status} ${answered.error}${answered.description ? `: ${answered.description}` : ''}`;
    if (answered.error === 'invalid_client') {
      return failed(
        `the ${site.what} ${site.endpoint} rejected the client "${site.config.clientId}" (${said}).`,
        `Check "clientId" and the client secret: stored under the key id "${site.config.clientSecretId}" (VS Code "${storeSecretCommandTitle}", ${secretEnvVarName(site.config.clientSecretId)} or .env) or "clientSecret" in the configuration; and "clientAuth" (basic or post).`,
      );
    }
    if (answered.error === 'invalid_grant' && (site.refreshing || site.config.grant === 'refresh_token')) {
      return failed(
        `the refresh token was rejected (${said}): it has expired or was revoked.`,
        site.config.grant === 'refresh_token'
          ? `Get a new refresh token and store it under the secret key id "${site.config.refreshTokenId}" (or set "refreshToken").`
          : 'Send again to sign in anew.',
      );
    }
    return failed(
      `the ${site.what} ${site.endpoint} refused the request (${said}).`,
      `Check the configuration "${site.config.name}" under "$oauth2" in the environment (grant, scope, audience, credentials).`,
    );
  }
  const name = (error as { name?: string } | null)?.name;
  if (name === 'TimeoutError') {
    return failed(
      `the ${site.what} ${site.endpoint} did not answer within ${site.config.timeoutMs} ms.`,
      'Check that the identity provider is reachable, or raise "timeoutMs" in the configuration.',
    );
  }
  if (name === 'AbortError') return new GwHttpError('aborted', `${prefix}: cancelled.`, site.location);
  if (error instanceof TypeError && error.message === 'fetch failed') {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    return failed(
      `could not reach the ${site.what} ${site.endpoint} (${cause?.code ?? cause?.message ?? 'network error'}).`,
      `Check "${site.what === 'token endpoint' ? 'tokenEndpoint' : 'deviceAuthorizationEndpoint'}" and that the identity provider is reachable from here (proxy, VPN).`,
    );
  }
  const message = error instanceof Error ? error.message : String(error);
  return failed(
    `the ${site.what} ${site.endpoint} gave an answer gwhttp cannot use (${message}).`,
    'Check that the URL is the OAuth2 token endpoint of the identity provider.',
  );
}
