import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

import { type Loopback, startLoopback, tempDir } from '../http/loopback';
import { type IdentityProvider, startIdentityProvider } from '../oauth2/identityProvider';
import { cliSend, cliSign } from './cliCapture';

const clientSecret = 'client-secret-0123456789';

describe('gwhttp send: {{$oauth2 NAME}} and # @auth oauth2 NAME', () => {
  let dir: string;
  let idp: IdentityProvider;
  let api: Loopback;
  beforeEach(async () => {
    dir = tempDir();
    idp = await startIdentityProvider({ expiresIn: 3600 });
    // The API checks the bearer token and echoes it (and the client secret) back: the outputs must mask both.
    api = await startLoopback((request, response) => {
      const good = idp.issued.some((token) => request.headers.authorization === `Bearer ${token}`);
      response.writeHead(good ? 200 : 401, {
        'Content-Type': 'application/json',
        'X-Echo': `${request.headers.authorization}`,
      });
      response.end(JSON.stringify({ good, authorization: request.headers.authorization, secret: clientSecret }));
    });
    fs.writeFileSync(
      path.join(dir, 'gwhttp.env.json'),
      JSON.stringify({
        dev: {
          host: api.url,
          $oauth2: {
            api: {
              grant: 'client_credentials',
              tokenEndpoint: idp.tokenEndpoint,
              clientId: 'gwhttp-client',
              scope: 'orders',
            },
          },
        },
      }),
    );
    fs.writeFileSync(
      path.join(dir, 'api.http'),
      [
        'GET {{host}}/orders',
        'Authorization: Bearer {{$oauth2 api}}',
        '',
        '###',
        '# @auth oauth2 api',
        'GET {{host}}/orders/2',
        '',
      ].join('\n'),
    );
  });
  afterEach(async () => {
    await api.close();
    await idp.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const env = { GWHTTP_SECRET_oauth2_api: clientSecret };

  it('fetches the token once per run, sends it as the bearer, and masks it in the human output and --json', async () => {
    const human = await cliSend(dir, ['api.http', '--all', '--env', 'dev', '-v'], env);
    assert.equal(human.code, 0, human.stdout + human.stderr);
    assert.equal(idp.tokenRequests.length, 1, 'one token for the whole run');
    assert.equal(api.received.length, 2);
    const token = idp.issued[0];
    assert.ok(human.stdout.includes('"good": true') || human.stdout.includes('"good":true'), human.stdout);
    for (const text of [human.stdout, human.stderr]) {
      assert.ok(!text.includes(token), `the token is shown:\n${text}`);
      assert.ok(!text.includes(clientSecret), `the client secret is shown:\n${text}`);
    }
    const json = await cliSend(dir, ['api.http', '--all', '--env', 'dev', '--json'], env);
    assert.equal(json.code, 0, json.stdout + json.stderr);
    assert.ok(!json.stdout.includes(idp.issued[1]) && !json.stdout.includes(token), 'the token is in --json');
    assert.ok(!json.stdout.includes(clientSecret), 'the client secret is in --json');
    assert.ok(json.stdout.includes('\\"good\\":true'), json.stdout);
  });

  it('masks the token in gwhttp sign; a bad client secret fails at the line that uses it, the secret never printed', async () => {
    const signed = await cliSign(dir, ['api.http', '--env', 'dev'], env);
    assert.equal(signed.code, 0, signed.stderr);
    assert.match(signed.stdout, /^Authorization: Bearer \*+$/m);
    assert.ok(!signed.stdout.includes(idp.issued[0]));
    const wrong = 'wrong-secret-abcdefgh';
    const failed = await cliSend(dir, ['api.http', '--env', 'dev'], { GWHTTP_SECRET_oauth2_api: wrong });
    assert.equal(failed.code, 1);
    const output = failed.stdout + failed.stderr;
    assert.match(output, /api\.http:2/);
    assert.match(output, /invalid_client/);
    assert.ok(!output.includes(wrong), output);
    assert.equal(api.received.length, 0, 'nothing was sent to the API');
  });
});
