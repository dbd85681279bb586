import * as oauth from 'oauth4webapi';

import { GwHttpError } from '../errors';
import { notInteractive } from './authorizationCodeGrant';
import {
  authorizationServer,
  callOptions,
  clientAuthentication,
  type GrantContext,
  type OAuth2Secrets,
  oauthCall,
  oauthClient,
  scopeParameters,
  secretsOf,
  tokenSite,
  toToken,
} from './oauth2Calls';
import type { OAuth2Config } from './oauth2Config';
import { oauth2CallError, oauthErrorOf } from './oauth2Errors';
import type { OAuth2Token } from './oauth2Ports';

/** RFC 8628 §3.5: the default polling interval, and what `slow_down` adds to it. */
const defaultIntervalMs = 5000;
const slowDownMs = 5000;

/**
 * The device_code grant (RFC 8628): asks for a user code, has the front end show it with the
 * verification URL, then polls the token endpoint every `interval` seconds (`authorization_pending`:
 * again; `slow_down`: 5 s slower) until the user has signed in, the code expires or the wait ends.
 */
export async function deviceCodeGrant(
  config: OAuth2Config,
  secrets: OAuth2Secrets,
  context: GrantContext,
): Promise<OAuth2Token> {
  const interaction = context.interaction;
  if (interaction === null) throw notInteractive(config, context);
  const as = authorizationServer(config);
  const client = oauthClient(config);
  const auth = clientAuthentication(config, secrets.clientSecret);
  const endpoint = config.deviceAuthorizationEndpoint ?? '';
  const deviceSite = {
    ...tokenSite(config, secrets, context.location),
    endpoint,
    what: 'device authorization endpoint',
  };
  const device = await oauthCall(deviceSite, async () => {
    const response = await oauth.deviceAuthorizationRequest(
      as,
      client,
      auth,
      scopeParameters(config),
      callOptions(config, endpoint, context.signal),
    );
    return oauth.processDeviceAuthorizationResponse(as, client, response);
  });
  await interaction.showDeviceCode({
    name: config.name,
    userCode: device.user_code,
    verificationUri: device.verification_uri,
    verificationUriComplete: device.verification_uri_complete ?? null,
    expiresInSeconds: device.expires_in,
  });
  const site = {
    ...tokenSite(config, secrets, context.location),
    secrets: [...secretsOf(secrets), device.device_code],
  };
  const limitMs = Math.min(device.expires_in * 1000, config.interactiveTimeoutMs);
  let intervalMs = device.interval !== undefined ? device.interval * 1000 : defaultIntervalMs;
  for (let waitedMs = 0; waitedMs < limitMs; waitedMs += intervalMs) {
    await context.sleep(intervalMs, context.signal);
    try {
      const response = await oauth.deviceCodeGrantRequest(
        as,
        client,
        auth,
        device.device_code,
        callOptions(config, config.tokenEndpoint, context.signal),
      );
      return toToken(await oauth.processDeviceCodeResponse(as, client, response), context.clock);
    } catch (error) {
      const answered = oauthErrorOf(error)?.error;
      if (answered === 'authorization_pending') continue;
      if (answered === 'slow_down') {
        intervalMs += slowDownMs;
        continue;
      }
      if (answered === 'expired_token') break;
      throw oauth2CallError(error, site);
    }
  }
  throw new GwHttpError(
    'oauth2',
    `OAuth2 "${config.name}": the device code ${device.user_code} was not confirmed in time.`,
    context.location,
    { hint: `Send again and enter the code at ${device.verification_uri} sooner.` },
  );
}
