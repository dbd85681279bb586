import assert from 'node:assert/strict';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

import { GwHttpError, isGwHttpError } from '../../../src/core/errors';
import type { OAuth2Interaction, OAuth2Token } from '../../../src/core/oauth2/oauth2Ports';
import { OAuth2Session } from '../../../src/core/oauth2/oauth2Session';
import { parseDocument } from '../../../src/core/parser/parseDocument';
import type { SecretSource } from '../../../src/core/ports';
import { Redactor } from '../../../src/core/redaction/redactor';
import type { PreparedRequest } from '../../../src/core/variables/preparedRequest';
import { prepareRequest } from '../../../src/core/variables/prepareRequest';
import { makeContext } from '../variables/variableTestKit';
import { type IdentityProvider, type ProviderOptions, startIdentityProvider } from './identityProvider';

const clientSecret = 'client-secret-0123456789';

class TestClock {
  constructor(public ms = Date.parse('2026-11-23T10:00:00Z')) {}
  now = () => new Date(this.ms);
  advance(seconds: number) {
    this.ms += seconds * 1000;
  }
}

function secretSource(values: Record<string, string>): SecretSource {
  return { description: 'the test secrets', getSecret: (keyId) => Promise.resolve(values[keyId]) };
}

function authorizationOf(prepared: PreparedRequest): string | undefined {
  return prepared.outgoing.headers.find((header) => header.name.toLowerCase() === 'authorization')?.value;
}

async function rejection(promise: Promise<unknown>): Promise<GwHttpError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(isGwHttpError(error), String(error));
    return error;
  }
  assert.fail('expected a GwHttpError');
}

interface Setup {
  config: Record<string, unknown>;
  secrets?: Record<string, string>;
  session: OAuth2Session;
  processEnv?: Record<string, string>;
}

function prepare(text: string, setup: Setup, index = 0): Promise<PreparedRequest> {
  const document = parseDocument(text);
  const context = makeContext({
    requestFile: '/work/api.http',
    environmentName: 'dev',
    settingsEnvironments: { dev: { $oauth2: { api: setup.config } } },
    oauth2: setup.session,
    processEnv: setup.processEnv ?? {},
  });
  return prepareRequest(document, document.requests[index], context, {
    secretSources: [secretSource(setup.secrets ?? { 'oauth2:api': clientSecret })],
  });
}

const bearerRequest = 'GET http://127.0.0.1:9/orders\nAuthorization: Bearer {{$oauth2 api}}\n';

describe('OAuth2 tokens: grants against a loopback identity provider', () => {
  let idp: IdentityProvider;
  let clock: TestClock;
  const start = async (options: ProviderOptions = {}) => {
    idp = await startIdentityProvider(options);
  };
  beforeEach(() => {
    clock = new TestClock();
  });
  afterEach(async () => idp?.close());
  const session = (
    interaction: OAuth2Interaction | null = null,
    extra: Partial<ConstructorParameters<typeof OAuth2Session>[0]> = {},
  ) => new OAuth2Session({ clock, interaction, ...extra });
  const clientCredentials = (extra: Record<string, unknown> = {}) => ({
    grant: 'client_credentials',
    tokenEndpoint: idp.tokenEndpoint,
    clientId: 'gwhttp-client',
    scope: 'orders:read',
    ...extra,
  });

  it('client_credentials: {{$oauth2 NAME}} is the access token, fetched once and cached; the secret from the sources by oauth2:NAME', async () => {
    await start({ expiresIn: 3600 });
    const setup = { config: clientCredentials({ audience: 'https://api.example' }), session: session() };
    const first = await prepare(bearerRequest, setup);
    const second = await prepare(bearerRequest, setup);
    assert.equal(authorizationOf(first), `Bearer ${idp.issued[0]}`);
    assert.equal(authorizationOf(second), `Bearer ${idp.issued[0]}`);
    assert.equal(idp.tokenRequests.length, 1, 'the second request uses the cached token');
    const sent = idp.tokenRequests[0];
    assert.equal(sent.form.get('grant_type'), 'client_credentials');
    assert.equal(sent.form.get('scope'), 'orders:read');
    assert.equal(sent.form.get('audience'), 'https://api.example');
    // RFC 6749 §2.3.1: id and secret form-encoded, then Basic.
    const basic = Buffer.from((sent.authorization ?? '').replace(/^Basic /, ''), 'base64').toString('utf8');
    assert.deepEqual(basic.split(':').map(decodeURIComponent), ['gwhttp-client', clientSecret]);
    assert.ok(first.secrets?.includes(idp.issued[0]), 'the token joins the secrets to mask');
    assert.ok(first.secrets?.includes(clientSecret), 'the client secret joins the secrets to mask');
    const masked = new Redactor(first.secrets).text(`echo ${idp.issued[0]} ${clientSecret}`);
    assert.ok(!masked.includes(idp.issued[0]) && !masked.includes(clientSecret), masked);
  });

  it('clientAuth post sends the secret in the form; clientSecret may be a {{…}} reference', async () => {
    await start();
    const setup = {
      config: clientCredentials({ clientAuth: 'post', clientSecret: '{{$processEnv IDP_SECRET}}' }),
      session: session(),
      secrets: {},
      processEnv: { IDP_SECRET: clientSecret },
    };
    const prepared = await prepare(bearerRequest, setup);
    assert.equal(authorizationOf(prepared), `Bearer ${idp.issued[0]}`);
    assert.equal(idp.tokenRequests[0].form.get('client_secret'), clientSecret);
    assert.equal(idp.tokenRequests[0].authorization, undefined);
  });

  it('# @auth oauth2 NAME adds Authorization: Bearer, unless the request has an Authorization header', async () => {
    await start();
    const setup = { config: clientCredentials(), session: session() };
    const text =
      '# @auth oauth2 api\nGET http://127.0.0.1:9/a\n\n###\n# @auth oauth2 api\nGET http://127.0.0.1:9/b\nAuthorization: Token mine\n';
    assert.equal(authorizationOf(await prepare(text, setup, 0)), `Bearer ${idp.issued[0]}`);
    assert.equal(authorizationOf(await prepare(text, setup, 1)), 'Token mine');
  });

  it('refreshes with the refresh token shortly before expiry (10% of the lifetime, at most 60 s), reuses it until then', async () => {
    await start({ expiresIn: 120, refreshTokens: true });
    const setup = { config: clientCredentials(), session: session() };
    await prepare(bearerRequest, setup);
    clock.advance(100);
    assert.equal(authorizationOf(await prepare(bearerRequest, setup)), `Bearer ${idp.issued[0]}`);
    clock.advance(9); // 109 s: within 12 s of expiry
    assert.equal(authorizationOf(await prepare(bearerRequest, setup)), `Bearer ${idp.issued[1]}`);
    assert.equal(idp.tokenRequests[1].form.get('grant_type'), 'refresh_token');
    assert.equal(idp.tokenRequests[1].form.get('refresh_token'), 'refresh-token-1-yyyyyyyyyyyy');
  });

  it('gets a new token when it expires without a refresh token, or when the refresh token is refused', async () => {
    await start({ expiresIn: 60, refreshTokens: true });
    const setup = { config: clientCredentials(), session: session() };
    await prepare(bearerRequest, setup);
    idp.revoked.add('refresh-token-1-yyyyyyyyyyyy');
    clock.advance(61);
    assert.equal(authorizationOf(await prepare(bearerRequest, setup)), `Bearer ${idp.issued[1]}`);
    assert.deepEqual(
      idp.tokenRequests.map((request) => request.form.get('grant_type')),
      ['client_credentials', 'refresh_token', 'client_credentials'],
    );
  });

  it('password grant: username in the configuration, password from the sources by oauth2:NAME:password', async () => {
    await start();
    const setup = {
      config: { ...clientCredentials(), grant: 'password', username: 'alice' },
      secrets: { 'oauth2:api': clientSecret, 'oauth2:api:password': 'alice-password-1' },
      session: session(),
    };
    const prepared = await prepare(bearerRequest, setup);
    assert.equal(authorizationOf(prepared), `Bearer ${idp.issued[0]}`);
    assert.equal(idp.tokenRequests[0].form.get('grant_type'), 'password');
    assert.equal(idp.tokenRequests[0].form.get('username'), 'alice');
    assert.ok(prepared.secrets?.includes('alice-password-1'));
  });

  it('refresh_token grant: the stored refresh token; an expired one is an error at the using line with a hint', async () => {
    await start({ refreshTokens: true });
    // A refresh token the provider issued before (to another session).
    const other = { config: clientCredentials(), session: session() };
    await prepare(bearerRequest, other);
    const stored = 'refresh-token-1-yyyyyyyyyyyy';
    const setup = {
      config: { ...clientCredentials(), grant: 'refresh_token' },
      secrets: { 'oauth2:api': clientSecret, 'oauth2:api:refreshToken': stored },
      session: session(),
    };
    assert.equal(authorizationOf(await prepare(bearerRequest, setup)), `Bearer ${idp.issued[1]}`);
    idp.revoked.add(stored);
    const error = await rejection(prepare(bearerRequest, { ...setup, session: session() }));
    assert.equal(error.code, 'oauth2');
    assert.deepEqual(error.location, { file: '/work/api.http', line: 2 });
    assert.match(error.message, /refresh token was rejected \(400 invalid_grant: refresh token expired\)/);
    assert.match(error.hint ?? '', /oauth2:api:refreshToken/);
    assert.ok(!error.message.includes(stored) && !(error.hint ?? '').includes(stored));
  });

  for (const challenge of [false, true]) {
    it(`a bad client secret (401 invalid_client${challenge ? ' with WWW-Authenticate' : ''}) fails at the using line; the secret is never shown`, async () => {
      await start({ challenge });
      const wrong = 'wrong-secret-abcdefgh';
      const setup = { config: clientCredentials(), secrets: { 'oauth2:api': wrong }, session: session() };
      const error = await rejection(prepare(`# @name orders\n${bearerRequest}`, setup));
      assert.equal(error.code, 'oauth2');
      assert.equal(error.location?.line, 3);
      assert.match(
        error.message,
        /OAuth2 "api": the token endpoint .*\/token rejected the client "gwhttp-client" \(401 invalid_client/,
      );
      assert.match(
        error.hint ?? '',
        /client secret: stored under the key id "oauth2:api" \(VS Code .*GWHTTP_SECRET_oauth2_api/,
      );
      assert.ok(!JSON.stringify({ m: error.message, d: error.details }).includes(wrong));
    });
  }

  it('an unreachable token endpoint and one that does not answer in time are errors with a hint', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const config = { grant: 'client_credentials', tokenEndpoint: `http://127.0.0.1:${port}/token`, clientId: 'c' };
    const refused = await rejection(prepare(bearerRequest, { config, session: session() }));
    assert.equal(refused.code, 'oauth2');
    assert.match(
      refused.message,
      /could not reach the token endpoint http:\/\/127\.0\.0\.1:\d+\/token \(ECONNREFUSED\)/,
    );
    assert.match(refused.hint ?? '', /tokenEndpoint/);
    const silent = http.createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    try {
      const endpoint = `http://127.0.0.1:${(silent.address() as AddressInfo).port}/token`;
      const slow = await rejection(
        prepare(bearerRequest, { config: { ...config, tokenEndpoint: endpoint, timeoutMs: 200 }, session: session() }),
      );
      assert.match(slow.message, /did not answer within 200 ms/);
      assert.match(slow.hint ?? '', /timeoutMs/);
    } finally {
      silent.closeAllConnections();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });

  it('a missing configuration NAME is an error at the line that uses it, naming the known ones', async () => {
    await start();
    const setup = { config: clientCredentials(), session: session() };
    const byDirective = await rejection(
      prepare('GET http://127.0.0.1:9/\n###\n# @auth oauth2 nope\nGET http://127.0.0.1:9/x\n', setup, 1),
    );
    assert.equal(byDirective.code, 'oauth2');
    assert.equal(byDirective.location?.line, 3);
    assert.match(byDirective.message, /OAuth2 configuration "nope" is not defined \(environment "dev"; known: api\)/);
    const byVariable = await rejection(prepare('GET http://127.0.0.1:9/\nX-Token: {{$oauth2 nope}}\n', setup));
    assert.equal(byVariable.code, 'variable');
    assert.equal(byVariable.location?.line, 2);
    assert.match(byVariable.message, /no OAuth2 configuration "nope"/);
    assert.equal(idp.tokenRequests.length, 0);
  });

  it('a missing client secret names its key id; a bad configuration names the field', async () => {
    await start();
    const missing = await rejection(
      prepare(bearerRequest, { config: clientCredentials(), secrets: {}, session: session() }),
    );
    assert.equal(missing.code, 'missingSecret');
    assert.equal(missing.details.keyId, 'oauth2:api');
    const bad = await rejection(
      prepare(bearerRequest, { config: clientCredentials({ grant: 'implicit' }), session: session() }),
    );
    assert.match(bad.message, /"grant" is "implicit"/);
    const plain = await rejection(
      prepare(bearerRequest, {
        config: clientCredentials({ tokenEndpoint: 'http://idp.example/token' }),
        session: session(),
      }),
    );
    assert.match(plain.message, /must be an https URL/);
  });

  it('sends that want the same token at once share one token request', async () => {
    await start();
    const setup = { config: clientCredentials(), session: session() };
    const all = await Promise.all([1, 2, 3].map(() => prepare(bearerRequest, setup)));
    assert.equal(idp.tokenRequests.length, 1);
    assert.ok(all.every((prepared) => authorizationOf(prepared) === `Bearer ${idp.issued[0]}`));
  });

  it('a token store (the editor SecretStorage) keeps tokens for the next session', async () => {
    await start({ expiresIn: 3600 });
    const kept = new Map<string, OAuth2Token>();
    const store = {
      read: (key: string) => Promise.resolve(kept.get(key)),
      write: (key: string, token: OAuth2Token) => Promise.resolve(void kept.set(key, token)),
      forget: (key: string) => Promise.resolve(void kept.delete(key)),
      forgetAll: () => {
        const count = kept.size;
        kept.clear();
        return Promise.resolve(count);
      },
    };
    await prepare(bearerRequest, { config: clientCredentials(), session: session(null, { store }) });
    const later = await prepare(bearerRequest, { config: clientCredentials(), session: session(null, { store }) });
    assert.equal(authorizationOf(later), `Bearer ${idp.issued[0]}`);
    assert.equal(idp.tokenRequests.length, 1);
    assert.equal(kept.size, 1);
    assert.match([...kept.keys()][0], /^dev\/api\/[0-9a-f]{16}$/);
    const changed = await prepare(bearerRequest, {
      config: clientCredentials({ scope: 'other' }),
      session: session(null, { store }),
    });
    assert.equal(authorizationOf(changed), `Bearer ${idp.issued[1]}`, 'another configuration is another token');
    const forgetting = session(null, { store });
    assert.equal(await forgetting.forgetAll(), 2);
    await prepare(bearerRequest, { config: clientCredentials(), session: forgetting });
    assert.equal(idp.issued.length, 3, 'forgotten tokens are fetched anew');
  });

  it('device_code: shows the user code, polls per RFC 8628 (authorization_pending, slow_down adds 5 s) until signed in', async () => {
    await start({ pendingPolls: 2, slowDown: true });
    const shown: unknown[] = [];
    const waits: number[] = [];
    const interaction: OAuth2Interaction = {
      openAuthorizationUrl: () => Promise.reject(new Error('not this grant')),
      showDeviceCode: (prompt) => Promise.resolve(void shown.push(prompt)),
    };
    const config = {
      grant: 'device_code',
      tokenEndpoint: idp.tokenEndpoint,
      deviceAuthorizationEndpoint: idp.deviceEndpoint,
      clientId: 'gwhttp-client',
      scope: 'orders:read',
    };
    const setup = {
      config,
      secrets: {},
      session: session(interaction, { sleep: (ms: number) => Promise.resolve(void waits.push(ms)) }),
    };
    const prepared = await prepare(bearerRequest, setup);
    assert.equal(authorizationOf(prepared), `Bearer ${idp.issued[0]}`);
    assert.deepEqual(shown, [
      {
        name: 'api',
        userCode: 'WDJB-MJHT',
        verificationUri: `${idp.url}/activate`,
        verificationUriComplete: `${idp.url}/activate?user_code=WDJB-MJHT`,
        expiresInSeconds: 600,
      },
    ]);
    assert.deepEqual(waits, [1000, 6000, 6000, 6000]);
    const polls = idp.tokenRequests.map((request) => request.form.get('grant_type'));
    assert.deepEqual(polls, Array(4).fill('urn:ietf:params:oauth:grant-type:device_code'));
    assert.equal(idp.tokenRequests[0].form.get('client_id'), 'gwhttp-client', 'a public client names itself');
  });

  it('authorization_code with PKCE: the browser (played by the test) signs in and is redirected to the loopback receiver', async () => {
    await start();
    const opened: { url: string; redirectUri: string }[] = [];
    const browser: OAuth2Interaction = {
      openAuthorizationUrl: async ({ url, redirectUri }) => {
        opened.push({ url, redirectUri });
        const page = await fetch(url); // follows the 302 to http://127.0.0.1:PORT/callback
        assert.match(await page.text(), /Signed in/);
      },
      showDeviceCode: () => Promise.reject(new Error('not this grant')),
    };
    const config = {
      grant: 'authorization_code',
      tokenEndpoint: idp.tokenEndpoint,
      authorizationEndpoint: idp.authorizationEndpoint,
      clientId: 'gwhttp-client',
      scope: 'openid orders',
    };
    const prepared = await prepare(bearerRequest, { config, secrets: {}, session: session(browser) });
    assert.equal(authorizationOf(prepared), `Bearer ${idp.issued[0]}`);
    const query = new URL(opened[0].url).searchParams;
    assert.match(opened[0].redirectUri, /^http:\/\/127\.0\.0\.1:\d+\/callback$/);
    assert.equal(query.get('redirect_uri'), opened[0].redirectUri);
    assert.equal(query.get('code_challenge_method'), 'S256');
    assert.equal(query.get('scope'), 'openid orders');
    assert.equal(idp.pkce.length, 1);
    assert.ok(idp.pkce[0].matched, 'the code_verifier sent to the token endpoint matches the S256 challenge');
    assert.ok(prepared.secrets?.includes(idp.issued[0]));
  });

  it('authorization_code: a redirect with the wrong state is refused; without anyone to sign in it fails at once', async () => {
    await start();
    const config = {
      grant: 'authorization_code',
      tokenEndpoint: idp.tokenEndpoint,
      authorizationEndpoint: idp.authorizationEndpoint,
      clientId: 'gwhttp-client',
    };
    const forger: OAuth2Interaction = {
      openAuthorizationUrl: async ({ redirectUri }) => void (await fetch(`${redirectUri}?code=code-1&state=forged`)),
      showDeviceCode: () => Promise.resolve(),
    };
    const forged = await rejection(prepare(bearerRequest, { config, secrets: {}, session: session(forger) }));
    assert.equal(forged.code, 'oauth2');
    assert.match(forged.message, /the sign-in was not completed/);
    const nobody = await rejection(prepare(bearerRequest, { config, secrets: {}, session: session(null) }));
    assert.match(nobody.message, /needs a user to sign in/);
    assert.equal(idp.tokenRequests.length, 0);
  });

  it('without a session (a front end that fetches no tokens) a request that uses OAuth2 fails with a hint', async () => {
    await start();
    const document = parseDocument(bearerRequest);
    const context = makeContext({
      environmentName: 'dev',
      settingsEnvironments: { dev: { $oauth2: { api: clientCredentials() } } },
    });
    const error = await rejection(prepareRequest(document, document.requests[0], context));
    assert.match(error.message, /tokens cannot be fetched here/);
  });
});
