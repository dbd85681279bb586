import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Writable } from 'node:stream';

import { runSign } from '../../../src/cli/commands/signCommand';
import type { CommandIo } from '../../../src/cli/shared/commandIo';

const keyId = 'AKIDCgOPWjQ6BAxvHtyckhWABJVYSBj548pN';
const secret = 'doc-sample-secret-4711';
const host = 'service-kuy3rwbs-1251762227.ap-guangzhou.apigateway.myqcloud.com';

class Collector extends Writable {
  text = '';
  override _write(chunk: Buffer, _encoding: string, done: () => void): void {
    this.text += chunk.toString('utf8');
    done();
  }
}

function makeIo(cwd: string, env: Record<string, string> = {}, iso = '2026-11-23T10:00:00Z') {
  const stdout = new Collector();
  const stderr = new Collector();
  const now = new Date(iso);
  const io: CommandIo = { stdout, stderr, env, cwd, clock: { now: () => now } };
  return { io, stdout, stderr };
}

describe('gwhttp sign', () => {
  let folder: string;
  let seedFile: string;

  beforeEach(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'gwhttp-'));
    fs.mkdirSync(path.join(folder, '.git'));
    seedFile = path.join(folder, 'doc-sample.gwhttp');
    fs.copyFileSync(path.join(__dirname, '../../fixtures/signing/002_9379cfb3afe91763.txt'), seedFile);
  });

  afterEach(() => fs.rmSync(folder, { recursive: true, force: true }));

  it('masks a secret of the environment that an unsigned request carries', async () => {
    const { io, stdout } = makeIo(folder, { GWHTTP_SECRET_API: 'env-secret-in-an-unsigned-request' });
    fs.writeFileSync(
      path.join(folder, 'plain.gwhttp'),
      'GET http://127.0.0.1:9/x\nX-Api-Key: {{$processEnv GWHTTP_SECRET_API}}\n',
    );
    assert.equal(await runSign(['plain.gwhttp'], io), 0);
    assert.ok(!stdout.text.includes('env-secret-in-an-unsigned-request'), stdout.text);
    assert.match(stdout.text, /X-Api-Key: \*{8}/);
  });

  it('masks a .env secret that an unsigned request carries ({{$dotenv …}})', async () => {
    const { io, stdout } = makeIo(folder);
    fs.writeFileSync(path.join(folder, '.env'), 'GWHTTP_SECRET_TOKEN=dotenv-secret-in-an-unsigned-request\n');
    fs.writeFileSync(
      path.join(folder, 'plain.gwhttp'),
      'GET http://127.0.0.1:9/x\nX-Token: {{$dotenv GWHTTP_SECRET_TOKEN}}\n',
    );
    assert.equal(await runSign(['plain.gwhttp'], io), 0);
    assert.ok(!stdout.text.includes('dotenv-secret-in-an-unsigned-request'), stdout.text);
    assert.match(stdout.text, /X-Token: \*{8}/);
  });

  it('signs the doc sample with a fresh Date, headers="date host" and the Host from the URL (--json)', async () => {
    const { io, stdout, stderr } = makeIo(folder, { [`GWHTTP_SECRET_${keyId}`]: secret });
    assert.equal(await runSign(['doc-sample.gwhttp', '--json'], io), 0);
    const json = JSON.parse(stdout.text) as {
      method: string;
      url: string;
      headers: { name: string; value: string }[];
      body: string | null;
      signing: Record<string, unknown>;
    };
    assert.deepEqual(Object.keys(json), ['method', 'url', 'headers', 'body', 'signing']);
    assert.equal(json.method, 'POST');
    assert.equal(json.url, `http://${host}/release`);
    assert.equal(json.body, 'QueryParam_a=value1&QueryParam_b=value2');
    const value = (name: string) => json.headers.filter((header) => header.name === name).map((header) => header.value);
    assert.deepEqual(value('Date'), ['Mon, 23 Nov 2026 10:00:00 GMT']);
    assert.deepEqual(value('Host'), [host]);
    const signingString = `date: Mon, 23 Nov 2026 10:00:00 GMT\nhost: ${host}`;
    assert.deepEqual(json.signing, {
      scheme: 'tencent-keypair',
      keyId,
      algorithm: 'hmac-sha1',
      signedHeaders: ['date', 'host'],
      signingString,
    });
    const signature = createHmac('sha1', secret).update(signingString).digest('base64');
    assert.deepEqual(value('Authorization'), [
      `hmac id="${keyId}", algorithm="hmac-sha1", headers="date host", signature="${signature}"`,
    ]);
    assert.ok(!stdout.text.includes(secret) && !stderr.text.includes(secret), 'the secret is never printed');
    assert.match(stderr.text, /doc-sample\.gwhttp:27: warning: Host .* taken from the URL/);
  });

  it('uses --date when given and prints the request as text with the signing string on stderr', async () => {
    const { io, stdout, stderr } = makeIo(folder, { [`GWHTTP_SECRET_${keyId}`]: secret });
    assert.equal(await runSign([seedFile, '--date', 'Fri, 09 Oct 2015 00:00:00 GMT'], io), 0);
    assert.match(
      stdout.text,
      /^POST http:\/\/service-kuy3rwbs-1251762227\.ap-guangzhou\.apigateway\.myqcloud\.com\/release HTTP\/1\.1\n/,
    );
    assert.match(stdout.text, /\nDate: Fri, 09 Oct 2015 00:00:00 GMT\n/);
    assert.match(stdout.text, /\n\nQueryParam_a=value1&QueryParam_b=value2\n$/);
    assert.ok(!stdout.text.includes('Sun, 21 Sep 2017'), 'the stale Date is never printed as sent');
    assert.match(stderr.text, /signing string:\n {2}date: Fri, 09 Oct 2015 00:00:00 GMT\n {2}host: /);
  });

  it('reads the secret from a .env file beside the request file', async () => {
    fs.writeFileSync(path.join(folder, '.env'), `GWHTTP_SECRET_${keyId}=${secret}\n`);
    const { io, stdout } = makeIo(folder);
    assert.equal(await runSign(['doc-sample.gwhttp', '--json'], io), 0);
    assert.ok(!stdout.text.includes(secret));
  });

  it('a missing secret is exit 1 with one clear file:line message naming the key id and the ways to provide it', async () => {
    const { io, stdout, stderr } = makeIo(folder);
    assert.equal(await runSign(['doc-sample.gwhttp'], io), 1);
    assert.equal(stdout.text, '');
    const errorLine = stderr.text.split('\n').find((line) => line.startsWith('gwhttp: '));
    // The request's file:line, as every command reports a missing secret.
    assert.match(errorLine ?? '', new RegExp(`^gwhttp: doc-sample\\.gwhttp:8: no secret key for key id "${keyId}"`));
    assert.match(stderr.text, new RegExp(`GWHTTP_SECRET_${keyId}`));
    assert.match(stderr.text, /GW HTTP: Store Secret Key/);
    assert.match(stderr.text, /\.env/);
  });

  it('signs a # @sign directive with X-Date by default and Source, choosing the request by name', async () => {
    const file = path.join(folder, 'orders.gwhttp');
    fs.writeFileSync(
      file,
      [
        '### plain',
        'GET http://127.0.0.1:9/health',
        '',
        '###',
        '# @name create',
        '# @sign tencent-keypair id=AKIDgwTEST000000000000000000000000001 source=gwhttp',
        'POST http://127.0.0.1:9/release/orders',
        'Content-Type: application/json',
        '',
        '{"sku":"A-1"}',
        '',
      ].join('\n'),
    );
    const { io, stdout } = makeIo(
      folder,
      { GWHTTP_SECRET_AKIDgwTEST000000000000000000000000001: 'gwtest-secret-0001' },
      '2018-03-19T12:08:40Z',
    );
    assert.equal(await runSign(['orders.gwhttp', '--request', 'create', '--json'], io), 0);
    const json = JSON.parse(stdout.text) as {
      headers: { name: string; value: string }[];
      signing: { signingString: string };
    };
    assert.equal(json.signing.signingString, 'x-date: Mon, 19 Mar 2018 12:08:40 GMT\nsource: gwhttp');
    assert.ok(
      json.headers.some(
        (header) =>
          header.name === 'Authorization' && header.value.endsWith('signature="0aV9h7To/MAAqsVsv/+1VAaXhBU="'),
      ),
      'the T2 vector signature',
    );
    const plain = makeIo(folder);
    assert.equal(await runSign(['orders.gwhttp', '--request', '0', '--json'], plain.io), 0);
    assert.equal((JSON.parse(plain.stdout.text) as { signing: unknown }).signing, null);
  });

  it('a request that cannot be signed as written is exit 1 with file:line', async () => {
    const file = path.join(folder, 'bad.gwhttp');
    fs.writeFileSync(file, '# @sign kong id=alice headers="date x-missing"\nGET http://127.0.0.1:9/x\n');
    const { io, stderr } = makeIo(folder, { GWHTTP_SECRET_alice: 's' });
    assert.equal(await runSign(['bad.gwhttp'], io), 1);
    assert.match(stderr.text, /gwhttp: bad\.gwhttp:1: Signed header "x-missing" is not in the request/);
  });

  it('usage errors are exit 2', async () => {
    for (const args of [
      [],
      ['a', 'b'],
      ['doc-sample.gwhttp', '--date', '2026-11-23'],
      ['doc-sample.gwhttp', '--bogus'],
      ['missing.gwhttp'],
      ['doc-sample.gwhttp', '--request', '5'],
    ]) {
      const { io, stderr } = makeIo(folder);
      assert.equal(await runSign(args, io), 2, args.join(' '));
      assert.match(stderr.text, /^gwhttp: /);
    }
  });
});
