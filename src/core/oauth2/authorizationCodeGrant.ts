import * as oauth from 'oauth4webapi';

import { GwHttpError } from '../errors';
import { loopbackRedirectWait } from './interactiveWait';
import { startLoopbackRedirect } from './loopbackRedirect';
import {
  authorizationServer,
  callOptions,
  clientAuthentication,
  type GrantContext,
  type OAuth2Secrets,
  oauthCall,
  oauthClient,
  secretsOf,
  tokenSite,
  toToken,
} from './oauth2Calls';
import type { OAuth2Config } from './oauth2Config';
import type { OAuth2Token } from './oauth2Ports';

/**
 * The authorization_code grant with PKCE (S256) and a loopback redirect on 127.0.0.1: the front end
 * shows the authorization URL (VS Code opens the browser, the CLI prints it), the core waits for the
 * redirect, checks `state` and exchanges the code.
 */
export async function authorizationCodeGrant(
  config: OAuth2Config,
  secrets: OAuth2Secrets,
  context: GrantContext,
): Promise<OAuth2Token> {
  const interaction = context.interaction;
  if (interaction === null) throw notInteractive(config, context);
  const as = authorizationServer(config);
  const client = oauthClient(config);
  const verifier = oauth.generateRandomCodeVerifier();
  const state = oauth.generateRandomState();
  const redirect = await startLoopbackRedirect(config.redirectPort);
  try {
    const url = await authorizationUrl(config, redirect.redirectUri, state, verifier);
    await interaction.openAuthorizationUrl({ name: config.name, url, redirectUri: redirect.redirectUri });
    const callback = await loopbackRedirectWait(redirect.callback, config, context, 'the browser sign-in');
    const parameters = authorizationResponse(config, as, client, callback, state, context);
    const site = tokenSite(config, secrets, context.location);
    return await oauthCall({ ...site, secrets: [...secretsOf(secrets), verifier] }, async () => {
      const response = await oauth.authorizationCodeGrantRequest(
        as,
        client,
        clientAuthentication(config, secrets.clientSecret),
        parameters,
        redirect.redirectUri,
        config.usePkce ? verifier : oauth.nopkce,
        callOptions(config, config.tokenEndpoint, context.signal),
      );
      return toToken(await oauth.processAuthorizationCodeResponse(as, client, response), context.clock);
    });
  } finally {
    await redirect.close();
  }
}

async function authorizationUrl(
  config: OAuth2Config,
  redirectUri: string,
  state: string,
  verifier: string,
): Promise<string> {
  const url = new URL(config.authorizationEndpoint ?? '');
  const query = url.searchParams;
  query.set('response_type', 'code');
  query.set('client_id', config.clientId);
  query.set('redirect_uri', redirectUri);
  if (config.scope) query.set('scope', config.scope);
  if (config.audience) query.set('audience', config.audience);
  query.set('state', state);
  if (config.usePkce) {
    query.set('code_challenge', await oauth.calculatePKCECodeChallenge(verifier));
    query.set('code_challenge_method', 'S256');
  }
  return url.href;
}

function authorizationResponse(
  config: OAuth2Config,
  as: oauth.AuthorizationServer,
  client: oauth.Client,
  callback: URL,
  state: string,
  context: GrantContext,
): URLSearchParams {
  try {
    return oauth.validateAuthResponse(as, client, callback, state);
  } catch (error) {
    const said =
      error instanceof oauth.AuthorizationResponseError
        ? `${error.error}${error.error_description ? `: ${error.error_description}` : ''}`
        : (error as Error).message;
    throw new GwHttpError(
      'oauth2',
      `OAuth2 "${config.name}": the sign-in was not completed (${said}).`,
      context.location,
      {
        hint: 'Send again and complete the sign-in in the browser; check "clientId", "scope" and the allowed redirect URIs (http://127.0.0.1, any port) of the client.',
      },
    );
  }
}

function notInteractive(config: OAuth2Config, context: GrantContext): GwHttpError {
  return new GwHttpError(
    'oauth2',
    `OAuth2 "${config.name}": the ${config.grant} grant needs a user to sign in, and nobody can here.`,
    context.location,
    {
      hint: 'Use it from VS Code or the gwhttp CLI in a terminal, or use a client_credentials or refresh_token configuration in CI.',
    },
  );
}

export { notInteractive };
