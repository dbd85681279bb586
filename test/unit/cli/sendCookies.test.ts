import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Writable } from 'node:stream';

import { runSend } from '../../../src/cli/commands/sendCommand';
import { systemClock } from '../../../src/core/ports';
import { type Loopback, startLoopback, tempDir } from '../http/loopback';

class Capture extends Writable {
  text = '';
  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: () => void): void {
    this.text += chunk.toString();
    callback();
  }
}

interface CookieJson {
  name: string;
  value: string;
  domain: string | null;
  rejected: string | null;
}

describe('gwhttp send: the run’s cookie jar', () => {
  let dir: string;
  let server: Loopback | undefined;
  beforeEach(() => (dir = tempDir()));
  afterEach(async () => {
    await server?.close();
    server = undefined;
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const send = async (args: string[], env: Record<string, string> = {}) => {
    const stdout = new Capture();
    const stderr = new Capture();
    const code = await runSend(args, { stdout, stderr, env, cwd: dir, clock: systemClock });
    return { code, stdout: stdout.text, stderr: stderr.text };
  };
  const cookieSeen = (index: number) => {
    const raw = server?.received[index].rawHeaders ?? [];
    const at = raw.findIndex((name, i) => i % 2 === 0 && name.toLowerCase() === 'cookie');
    return at < 0 ? null : raw[at + 1];
  };

  async function start(token: string): Promise<void> {
    server = await startLoopback((request, response) => {
      if (request.url === '/login') {
        response.setHeader('Set-Cookie', [`session=${token}; Path=/; HttpOnly`, 'away=1; Domain=example.com']);
      }
      response.end('ok');
    });
    fs.writeFileSync(path.join(dir, 'a.http'), `GET ${server.url}/login\n\n###\nGET ${server.url}/me\n`);
    fs.writeFileSync(path.join(dir, 'b.http'), `GET ${server.url}/me\n`);
  }

  it('keeps cookies across the run’s requests and files, and --json lists cookiesSet (a secret value masked)', async () => {
    const token = 'tok-6f1c2e9a';
    await start(token);
    const { code, stdout } = await send(['a.http', 'b.http', '--json'], { GWHTTP_SECRET_session: token });
    assert.equal(code, 0);
    assert.equal(cookieSeen(1), `session=${token}`);
    assert.equal(cookieSeen(2), `session=${token}`);
    const json = JSON.parse(stdout) as { results: { cookiesSet: CookieJson[] }[] };
    const set = json.results[0].cookiesSet;
    assert.deepEqual(
      set.map((cookie) => [cookie.name, cookie.domain, cookie.rejected === null]),
      [
        ['session', '127.0.0.1', true],
        ['away', 'example.com', false],
      ],
    );
    assert.notEqual(set[0].value, token);
    assert.ok(!JSON.stringify(json.results[0].cookiesSet).includes(token));
    assert.deepEqual(json.results[1].cookiesSet, []);
  });

  it('--no-cookie-jar sends no cookie and lists none', async () => {
    await start('plain');
    const { code, stdout } = await send(['a.http', '--json', '--no-cookie-jar']);
    assert.equal(code, 0);
    assert.equal(cookieSeen(1), null);
    const json = JSON.parse(stdout) as { results: { cookiesSet: CookieJson[] }[] };
    assert.deepEqual(json.results[0].cookiesSet, []);
  });
});
