/** Test helper: a real OAuth2 identity provider on 127.0.0.1 (token, authorization and device endpoints). */
import { createHash } from 'node:crypto';
import type * as http from 'node:http';

import { type Loopback, type Received, startLoopback } from '../http/loopback';

export interface ProviderOptions {
  clientId?: string;
  clientSecret?: string;
  username?: string;
  password?: string;
  /** Lifetime of issued access tokens, in seconds (absent: no expires_in). */
  expiresIn?: number;
  /** Whether token answers carry a refresh token. */
  refreshTokens?: boolean;
  /** Device grant: polls answered `authorization_pending` before the token (one `slow_down` first when set). */
  pendingPolls?: number;
  slowDown?: boolean;
  /** Token endpoint answers 401 with WWW-Authenticate on a bad client (else a JSON 401). */
  challenge?: boolean;
}

export interface IdentityProvider {
  url: string;
  tokenEndpoint: string;
  authorizationEndpoint: string;
  deviceEndpoint: string;
  /** Form bodies posted to the token endpoint, in order. */
  tokenRequests: { form: URLSearchParams; authorization: string | undefined }[];
  /** Every access token issued, in order. */
  issued: string[];
  /** Refresh tokens the provider no longer accepts. */
  revoked: Set<string>;
  /** The PKCE checks of code exchanges: challenge sent at /authorize and verifier at /token. */
  pkce: { challenge: string | null; method: string | null; verifier: string | null; matched: boolean }[];
  received: Received[];
  close(): Promise<void>;
}

function json(response: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  response.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', ...headers });
  response.end(JSON.stringify(body));
}

const s256 = (verifier: string) => createHash('sha256').update(verifier).digest('base64url');

export async function startIdentityProvider(options: ProviderOptions = {}): Promise<IdentityProvider> {
  const clientId = options.clientId ?? 'gwhttp-client';
  const clientSecret = options.clientSecret ?? 'client-secret-0123456789';
  const codes = new Map<string, { redirectUri: string; challenge: string | null; method: string | null }>();
  const refreshTokens = new Set<string>();
  let pending = options.pendingPolls ?? 0;
  let slowDown = options.slowDown ?? false;
  let serial = 0;
  const provider: Omit<
    IdentityProvider,
    'url' | 'tokenEndpoint' | 'authorizationEndpoint' | 'deviceEndpoint' | 'received' | 'close'
  > = {
    tokenRequests: [],
    issued: [],
    revoked: new Set(),
    pkce: [],
  };
  const issue = (response: http.ServerResponse) => {
    serial++;
    const accessToken = `access-token-${serial}-${'x'.repeat(12)}`;
    provider.issued.push(accessToken);
    const body: Record<string, unknown> = { access_token: accessToken, token_type: 'Bearer' };
    if (options.expiresIn !== undefined) body.expires_in = options.expiresIn;
    if (options.refreshTokens) {
      const refresh = `refresh-token-${serial}-${'y'.repeat(12)}`;
      refreshTokens.add(refresh);
      body.refresh_token = refresh;
    }
    json(response, 200, body);
  };
  const clientOf = (form: URLSearchParams, authorization: string | undefined) => {
    if (authorization?.startsWith('Basic ')) {
      const [id, secret] = Buffer.from(authorization.slice(6), 'base64').toString('utf8').split(':');
      return { id: decodeURIComponent(id), secret: decodeURIComponent(secret ?? '') };
    }
    return { id: form.get('client_id') ?? '', secret: form.get('client_secret') };
  };
  const token = (form: URLSearchParams, authorization: string | undefined, response: http.ServerResponse) => {
    provider.tokenRequests.push({ form, authorization });
    const client = clientOf(form, authorization);
    const publicClient = client.secret === null;
    if (client.id !== clientId || (!publicClient && client.secret !== clientSecret)) {
      const headers: Record<string, string> = options.challenge ? { 'WWW-Authenticate': 'Basic realm="token"' } : {};
      return json(
        response,
        401,
        { error: 'invalid_client', error_description: 'client authentication failed' },
        headers,
      );
    }
    const grant = form.get('grant_type');
    if (grant === 'client_credentials') return issue(response);
    if (grant === 'password') {
      if (
        form.get('username') === (options.username ?? 'alice') &&
        form.get('password') === (options.password ?? 'alice-password-1')
      ) {
        return issue(response);
      }
      return json(response, 400, { error: 'invalid_grant', error_description: 'bad user credentials' });
    }
    if (grant === 'refresh_token') {
      const refresh = form.get('refresh_token') ?? '';
      if (!refreshTokens.has(refresh) || provider.revoked.has(refresh)) {
        return json(response, 400, { error: 'invalid_grant', error_description: 'refresh token expired' });
      }
      return issue(response);
    }
    if (grant === 'authorization_code') {
      const code = codes.get(form.get('code') ?? '');
      if (!code || code.redirectUri !== form.get('redirect_uri')) {
        return json(response, 400, { error: 'invalid_grant' });
      }
      const verifier = form.get('code_verifier');
      const matched =
        code.challenge !== null && verifier !== null && code.method === 'S256' && s256(verifier) === code.challenge;
      provider.pkce.push({ challenge: code.challenge, method: code.method, verifier, matched });
      if (!matched) {
        return json(response, 400, { error: 'invalid_grant', error_description: 'PKCE verification failed' });
      }
      return issue(response);
    }
    if (grant === 'urn:ietf:params:oauth:grant-type:device_code') {
      if (form.get('device_code') !== 'device-code-secret-42') return json(response, 400, { error: 'invalid_grant' });
      if (slowDown) {
        slowDown = false;
        return json(response, 400, { error: 'slow_down' });
      }
      if (pending > 0) {
        pending--;
        return json(response, 400, { error: 'authorization_pending' });
      }
      return issue(response);
    }
    return json(response, 400, { error: 'unsupported_grant_type' });
  };
  const server: Loopback = await startLoopback((request, response, received) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const form = new URLSearchParams(received.body.toString('utf8'));
    if (request.method === 'POST' && url.pathname === '/token') {
      return token(form, request.headers.authorization, response);
    }
    if (request.method === 'GET' && url.pathname === '/authorize') {
      const query = url.searchParams;
      const redirectUri = query.get('redirect_uri') ?? '';
      if (query.get('client_id') !== clientId || query.get('response_type') !== 'code') {
        response.writeHead(400).end('bad authorization request');
        return;
      }
      const code = `code-${codes.size + 1}`;
      codes.set(code, {
        redirectUri,
        challenge: query.get('code_challenge'),
        method: query.get('code_challenge_method'),
      });
      const target = new URL(redirectUri);
      target.searchParams.set('code', code);
      target.searchParams.set('state', query.get('state') ?? '');
      response.writeHead(302, { Location: target.href }).end();
      return;
    }
    if (request.method === 'POST' && url.pathname === '/device') {
      return json(response, 200, {
        device_code: 'device-code-secret-42',
        user_code: 'WDJB-MJHT',
        verification_uri: `${server.url}/activate`,
        verification_uri_complete: `${server.url}/activate?user_code=WDJB-MJHT`,
        expires_in: 600,
        interval: 1,
      });
    }
    response.writeHead(404).end();
  });
  return {
    ...provider,
    url: server.url,
    tokenEndpoint: `${server.url}/token`,
    authorizationEndpoint: `${server.url}/authorize`,
    deviceEndpoint: `${server.url}/device`,
    received: server.received,
    close: () => server.close(),
  };
}
