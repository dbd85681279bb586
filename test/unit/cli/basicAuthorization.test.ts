import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

import { encodeBasicAuthorization } from '../../../src/core/auth/basicAuthorization';
import { type Loopback, startLoopback, tempDir } from '../http/loopback';
import { cliSend, cliSign } from './cliCapture';

const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

function receivedAuthorization(server: Loopback, index: number): string | undefined {
  const raw = server.received[index].rawHeaders;
  const at = raw.findIndex((name, i) => i % 2 === 0 && name.toLowerCase() === 'authorization');
  return at < 0 ? undefined : raw[at + 1];
}

describe('Authorization: Basic written in clear', () => {
  let dir: string;
  let server: Loopback;
  const password = 'pa ss:wörd-for-the-basic-test';
  beforeEach(async () => {
    dir = tempDir();
    // Echoes what it got: the report must still not show the password.
    server = await startLoopback((request, response) => {
      response.setHeader('Content-Type', 'text/plain');
      response.end(`you sent ${request.headers.authorization} (${password})`);
    });
  });
  afterEach(async () => {
    await server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const write = (name: string, text: string) => fs.writeFileSync(path.join(dir, name), text);

  it('encodes user:password and "user password" at send time, and sends a Base64 token as it is', async () => {
    write('.env', `BASIC_PASSWORD=${password}\n`);
    write(
      'auth.http',
      [
        `GET ${server.url}/colon`,
        'Authorization: Basic alice:{{$dotenv BASIC_PASSWORD}}',
        '',
        '###',
        `GET ${server.url}/space`,
        'Authorization: basic bob  secret-two',
        '',
        '###',
        `GET ${server.url}/token`,
        'Authorization: Basic dXNlcjpwYXNz',
        '',
      ].join('\n'),
    );
    const run = await cliSend(dir, ['auth.http', '--all']);
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.equal(receivedAuthorization(server, 0), `Basic ${base64(`alice:${password}`)}`);
    assert.equal(receivedAuthorization(server, 1), `basic ${base64('bob:secret-two')}`);
    assert.equal(receivedAuthorization(server, 2), 'Basic dXNlcjpwYXNz');
  });

  it('masks the password and the token in the reports and in gwhttp sign, though the server echoes them', async () => {
    write('.env', `BASIC_PASSWORD=${password}\n`);
    write(
      'auth.http',
      `GET ${server.url}/echo\nAuthorization: Basic alice:{{$dotenv BASIC_PASSWORD}}\n?? status == 201\n`,
    );
    const run = await cliSend(dir, ['auth.http', '--report', 'json=r/run.json', '--report', 'tap=r/run.tap']);
    assert.equal(run.code, 1, 'the assertion fails, so the report shows the response');
    for (const name of ['run.json', 'run.tap']) {
      const text = fs.readFileSync(path.join(dir, 'r', name), 'utf8');
      assert.ok(!text.includes(password), `${name} holds the password`);
      assert.ok(!text.includes(base64(`alice:${password}`)), `${name} holds the Basic token`);
    }
    const signed = await cliSign(dir, ['auth.http']);
    assert.equal(signed.code, 0, signed.stderr);
    assert.match(signed.stdout, /^Authorization: Basic \*{8}$/m);
    assert.ok(!signed.stdout.includes(base64(`alice:${password}`)));
  });

  it('reports which values are secrets: the password and the token, or the token given as it is', () => {
    const clear = encodeBasicAuthorization([{ name: 'authorization', value: '  Basic  u:p:w  ' }]);
    assert.deepEqual(clear.headers, [{ name: 'authorization', value: `Basic ${base64('u:p:w')}` }]);
    assert.deepEqual(clear.secrets, ['p:w', base64('u:p:w')]);
    const token = encodeBasicAuthorization([{ name: 'Authorization', value: 'Basic dXNlcjpwYXNz' }]);
    assert.deepEqual(token, {
      headers: [{ name: 'Authorization', value: 'Basic dXNlcjpwYXNz' }],
      secrets: ['dXNlcjpwYXNz'],
    });
    const other = [
      { name: 'Authorization', value: 'Bearer a:b' },
      { name: 'X-Basic', value: 'Basic a:b' },
    ];
    assert.deepEqual(encodeBasicAuthorization(other), { headers: other, secrets: [] });
  });
});
