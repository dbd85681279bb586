import * as oauth from 'oauth4webapi';

import { GwHttpError } from '../errors';
import { authorizationCodeGrant } from './authorizationCodeGrant';
import { deviceCodeGrant } from './deviceCodeGrant';
import {
  authorizationServer,
  callOptions,
  clientAuthentication,
  type GrantContext,
  type OAuth2Secrets,
  oauthCall,
  oauthClient,
  scopeParameters,
  tokenSite,
  toToken,
} from './oauth2Calls';
import type { OAuth2Config } from './oauth2Config';
import type { OAuth2Token } from './oauth2Ports';

/** Gets a new token by the configuration's grant. Throws GwHttpError('oauth2') at the using line. */
export function runGrant(config: OAuth2Config, secrets: OAuth2Secrets, context: GrantContext): Promise<OAuth2Token> {
  switch (config.grant) {
    case 'client_credentials':
      return clientCredentialsGrant(config, secrets, context);
    case 'password':
      return passwordGrant(config, secrets, context);
    case 'refresh_token':
      if (secrets.refreshToken === null) throw missingRefreshToken(config, context);
      return refreshTokenGrant(config, secrets, secrets.refreshToken, context);
    case 'authorization_code':
      return authorizationCodeGrant(config, secrets, context);
    case 'device_code':
      return deviceCodeGrant(config, secrets, context);
  }
}

function clientCredentialsGrant(
  config: OAuth2Config,
  secrets: OAuth2Secrets,
  context: GrantContext,
): Promise<OAuth2Token> {
  const as = authorizationServer(config);
  const client = oauthClient(config);
  return oauthCall(tokenSite(config, secrets, context.location), async () => {
    const response = await oauth.clientCredentialsGrantRequest(
      as,
      client,
      clientAuthentication(config, secrets.clientSecret),
      scopeParameters(config),
      callOptions(config, config.tokenEndpoint, context.signal),
    );
    return toToken(await oauth.processClientCredentialsResponse(as, client, response), context.clock);
  });
}

function passwordGrant(config: OAuth2Config, secrets: OAuth2Secrets, context: GrantContext): Promise<OAuth2Token> {
  const as = authorizationServer(config);
  const client = oauthClient(config);
  const parameters = {
    username: config.username ?? '',
    password: secrets.password ?? '',
    ...scopeParameters(config),
  };
  return oauthCall(tokenSite(config, secrets, context.location), async () => {
    const response = await oauth.genericTokenEndpointRequest(
      as,
      client,
      clientAuthentication(config, secrets.clientSecret),
      'password',
      parameters,
      callOptions(config, config.tokenEndpoint, context.signal),
    );
    return toToken(await oauth.processGenericTokenEndpointResponse(as, client, response), context.clock);
  });
}

function missingRefreshToken(config: OAuth2Config, context: GrantContext): GwHttpError {
  return new GwHttpError(
    'oauth2',
    `OAuth2 "${config.name}": the refresh_token grant needs a refresh token, and none was found.`,
    context.location,
    {
      hint: `Store it under the secret key id "${config.refreshTokenId}" (SecretStorage, GWHTTP_SECRET_… or .env), or set "refreshToken": "{{…}}" in the configuration.`,
      keyId: config.refreshTokenId,
    },
  );
}

/** A refresh-token grant with `refreshToken`; a refresh that brings none keeps the old one. */
export async function refreshTokenGrant(
  config: OAuth2Config,
  secrets: OAuth2Secrets,
  refreshToken: string,
  context: GrantContext,
): Promise<OAuth2Token> {
  const site = tokenSite(config, { ...secrets, refreshToken }, context.location, true);
  const as = authorizationServer(config);
  const client = oauthClient(config);
  const token = await oauthCall(site, async () => {
    const response = await oauth.refreshTokenGrantRequest(
      as,
      client,
      clientAuthentication(config, secrets.clientSecret),
      refreshToken,
      { ...callOptions(config, config.tokenEndpoint, context.signal), additionalParameters: scopeParameters(config) },
    );
    return toToken(await oauth.processRefreshTokenResponse(as, client, response), context.clock);
  });
  return { ...token, refreshToken: token.refreshToken ?? refreshToken };
}
