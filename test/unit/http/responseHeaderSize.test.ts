/**
 * Response headers up to 256 KiB by default (Node's own 16 KiB refused a large Set-Cookie with a hint
 * that the URL was not an HTTP server); the limit is a send option, `gwhttp send --max-header-size` and a
 * VS Code setting, and past it the error names the limit and how to raise it. Real loopback servers.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Writable } from 'node:stream';

import { runSend } from '../../../src/cli/commands/sendCommand';
import { GwHttpError } from '../../../src/core/errors';
import { sendHttp } from '../../../src/core/http/sendHttp';
import { systemClock } from '../../../src/core/ports';
import { type Loopback, startLoopback, tempDir } from './loopback';

const kib = 1024;

/** A server whose answer carries a Set-Cookie of `?size=BYTES` bytes. */
function cookieServer(): Promise<Loopback> {
  return startLoopback((request, response) => {
    const size = Number(new URL(request.url ?? '/', 'http://x').searchParams.get('size'));
    response.setHeader('Set-Cookie', `session=${'c'.repeat(size)}`);
    response.end('ok');
  });
}

async function failure(promise: Promise<unknown>): Promise<GwHttpError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof GwHttpError, String(error));
    return error;
  }
  assert.fail('the send did not fail');
}

class Capture extends Writable {
  text = '';
  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: () => void): void {
    this.text += chunk.toString();
    callback();
  }
}

describe('response header size', () => {
  let server: Loopback;
  before(async () => (server = await cookieServer()));
  after(() => server.close());

  const get = (size: number) => ({ method: 'GET', url: `${server.url}/?size=${size}`, headers: [], body: null });

  it('accepts a 17 KiB Set-Cookie by default (more than Node’s own 16 KiB)', async () => {
    const response = await sendHttp(get(17 * kib));
    assert.equal(response.status, 200);
    const cookie = response.headers.find((h) => h.name.toLowerCase() === 'set-cookie');
    assert.equal(cookie?.value.length, 'session='.length + 17 * kib);
  });

  it('refuses headers past 256 KiB with an error that names the limit and how to raise it', async () => {
    const error = await failure(sendHttp(get(300 * kib)));
    assert.match(error.message, /response headers larger than the 256 KiB limit \(HPE_HEADER_OVERFLOW/);
    assert.match(error.hint ?? '', /--max-header-size BYTES/);
    assert.match(error.hint ?? '', /gwhttp\.maxResponseHeaderSize/);
    assert.doesNotMatch(`${error.message} ${error.hint}`, /points to an HTTP server/);
  });

  it('takes the limit from the send option, both ways', async () => {
    const larger = await sendHttp(get(300 * kib), { maxHeaderSize: 512 * kib });
    assert.equal(larger.status, 200);
    const smaller = await failure(sendHttp(get(17 * kib), { maxHeaderSize: 8 * kib }));
    assert.match(smaller.message, /larger than the 8 KiB limit/);
  });

  it('takes it from gwhttp send --max-header-size BYTES, and refuses a value that is not one', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'cookie.gwhttp');
    fs.writeFileSync(file, `GET ${server.url}/?size=${20 * kib}\n`);
    const run = async (args: string[]) => {
      const stdout = new Capture();
      const stderr = new Capture();
      const code = await runSend(args, { stdout, stderr, env: {}, cwd: dir, clock: systemClock });
      return { code, text: stdout.text + stderr.text };
    };
    assert.equal((await run([file])).code, 0);
    const limited = await run([file, '--max-header-size', String(10 * kib)]);
    assert.equal(limited.code, 1);
    assert.match(limited.text, /larger than the 10 KiB limit/);
    const bad = await run([file, '--max-header-size', '12k']);
    assert.equal(bad.code, 2);
    assert.match(bad.text, /--max-header-size needs a number of bytes from 1024/);
  });
});
