import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Writable } from 'node:stream';

import { runSend } from '../../../src/cli/commands/sendCommand';
import { systemClock } from '../../../src/core/ports';
import { secretEnvVarName } from '../../../src/core/secrets/secretEnvVarName';
import { tempDir } from '../http/loopback';
import { fixturePassphrase, type Http2Loopback, startHttp2, tlsFixtures } from '../http/tlsFixtures';

class Capture extends Writable {
  text = '';
  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: () => void): void {
    this.text += chunk.toString();
    callback();
  }
}

describe('gwhttp send --http2', () => {
  let dir: string;
  let server: Http2Loopback | null = null;
  beforeEach(() => (dir = tempDir()));
  afterEach(async () => {
    await server?.close();
    server = null;
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const send = async (args: string[], env: Record<string, string> = {}) => {
    const stdout = new Capture();
    const stderr = new Capture();
    const code = await runSend(args, { stdout, stderr, env, cwd: dir, clock: systemClock });
    return { code, stdout: stdout.text, stderr: stderr.text };
  };

  it('sends over h2c and --json says httpVersion 2', async () => {
    server = await startHttp2(
      (stream) => {
        stream.respond({ ':status': 200, 'content-type': 'application/json' });
        stream.end('{"ok":true}');
      },
      { plain: true },
    );
    fs.writeFileSync(path.join(dir, 'a.http'), `GET ${server.url}/status\n`);
    const { code, stdout } = await send(['a.http', '--http2', '--json']);
    assert.equal(code, 0, stdout);
    const [result] = (JSON.parse(stdout) as { results: { response: { httpVersion: string; status: number } }[] })
      .results;
    assert.equal(result.response.status, 200);
    assert.equal(result.response.httpVersion, '2');
    assert.equal(server.received[0].headers[':path'], '/status');
  });

  it('prints HTTP/2 on the status line and the pseudo-headers with -v; a PFX passphrase is never printed', async () => {
    server = await startHttp2(
      (stream) => {
        stream.respond({ ':status': 200 });
        stream.end(`echo ${fixturePassphrase}`);
      },
      { requestCert: true },
    );
    fs.writeFileSync(
      path.join(dir, 'gwhttp.env.json'),
      JSON.stringify({
        test: {
          $clientCertificates: {
            '127.0.0.1': { pfx: path.join(tlsFixtures, 'client.p12'), passphraseSecret: 'client-pfx' },
          },
        },
      }),
    );
    fs.writeFileSync(path.join(dir, 'a.http'), `# @insecure\nGET ${server.url}/v HTTP/2\n`);
    const env = { [secretEnvVarName('client-pfx')]: fixturePassphrase };
    const { code, stdout } = await send(['a.http', '--env', 'test', '-v'], env);
    assert.equal(code, 0, stdout);
    assert.match(stdout, /200 OK .*HTTP\/2/);
    assert.match(stdout, /> :method: GET/);
    assert.match(stdout, /> :authority: 127\.0\.0\.1:\d+/);
    assert.ok(!stdout.includes(fixturePassphrase), stdout);
    const json = await send(['a.http', '--env', 'test', '--json'], env);
    assert.ok(!json.stdout.includes(fixturePassphrase), json.stdout);
  });
});
