import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { Writable } from 'node:stream';

import { runSend } from '../../../src/cli/commands/sendCommand';
import { demoEd25519KeyId, demoEd25519PrivateKey } from '../../../src/cli/mockGateway/standardMockKeys';
import { type MockGateway, startMockGateway } from '../../../src/cli/mockGateway/startMockGateway';
import { nodeFileReader } from '../../../src/cli/shared/nodeFileReader';
import { isGwHttpError } from '../../../src/core/errors';
import { systemClock } from '../../../src/core/ports';
import { resolveSigning } from '../../../src/core/run/resolveSigning';
import { environmentSecretSource } from '../../../src/core/secrets/environmentSecretSource';
import { secretEnvVarName } from '../../../src/core/secrets/secretEnvVarName';
import { tempDir } from '../http/loopback';
import { preparedFromText } from '../run/preparedFromText';

class Capture extends Writable {
  text = '';
  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: () => void): void {
    this.text += chunk.toString();
    callback();
  }
}

/** The base64 line of the demo key: what must never be printed. */
const keyBody = demoEd25519PrivateKey.split('\n')[1];

describe('rfc9421 private keys from a file (key-file=, or a key id whose secret is a path)', () => {
  let gateway: MockGateway;
  let dir: string;
  before(async () => (gateway = await startMockGateway({ port: 0 })));
  after(() => gateway.close());
  beforeEach(() => {
    dir = tempDir();
    fs.mkdirSync(path.join(dir, 'api', 'keys'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'api', 'keys', 'demo.pem'), demoEd25519PrivateKey);
    fs.writeFileSync(path.join(dir, 'api', 'keys', 'notakey.pem'), 'hello, not a key\n');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** Sends api/r.gwhttp from `dir` (so a path relative to the working directory would be wrong). */
  async function send(directive: string, env: Record<string, string> = {}, url = gateway.url) {
    const text = `${directive}\nGET {{gateway}}/rfc9421/orders?page=1\n\n?? status == 200\n`;
    fs.writeFileSync(path.join(dir, 'api', 'r.gwhttp'), text);
    const stdout = new Capture();
    const stderr = new Capture();
    const args = ['api/r.gwhttp', '--var', `gateway=${url}`, '-v'];
    const code = await runSend(args, { stdout, stderr, env, cwd: dir, clock: systemClock });
    return { code, output: stdout.text + stderr.text };
  }

  it('signs with key-file=PATH resolved relative to the request file; the mock verifies it', async () => {
    const result = await send(`# @sign rfc9421 id=${demoEd25519KeyId} alg=ed25519 key-file=keys/demo.pem`);
    assert.equal(result.code, 0, result.output);
    assert.match(result.output, /200 OK/);
    assert.ok(!result.output.includes(keyBody), 'the key was printed');
  });

  it('signs with the key file named by the key id secret (a path in an env file)', async () => {
    fs.writeFileSync(path.join(dir, 'api', '.env'), `${secretEnvVarName(demoEd25519KeyId)}=keys/demo.pem\n`);
    const result = await send(`# @sign rfc9421 id=${demoEd25519KeyId} alg=ed25519`);
    assert.equal(result.code, 0, result.output);
    assert.match(result.output, /200 OK/);
  });

  const failures: [string, string, RegExp][] = [
    [
      'a missing file',
      'key-file=keys/missing.pem',
      /r\.gwhttp:1: .*"keys\/missing\.pem" .*does not exist; nothing was sent/,
    ],
    [
      'a file that is not a PEM key',
      'key-file=keys/notakey.pem',
      /r\.gwhttp:1: .*"keys\/notakey\.pem" .*is not a PEM private key/,
    ],
    ['an unreadable path (a folder)', 'key-file=keys', /r\.gwhttp:1: .*"keys" .*cannot be read/],
  ];
  for (const [what, option, expected] of failures) {
    it(`${what} is an error at the directive's line, nothing sent (exit 1)`, async () => {
      let received = 0;
      const counter = http.createServer((_request, response) => {
        received += 1;
        response.end();
      });
      await new Promise<void>((resolve) => counter.listen(0, '127.0.0.1', resolve));
      const url = `http://127.0.0.1:${(counter.address() as AddressInfo).port}`;
      try {
        const result = await send(`# @sign rfc9421 id=${demoEd25519KeyId} alg=ed25519 ${option}`, {}, url);
        assert.equal(result.code, 1, result.output);
        assert.match(result.output, expected);
        assert.doesNotMatch(result.output, /hello, not a key/);
        assert.equal(received, 0);
      } finally {
        await new Promise((resolve) => counter.close(resolve));
      }
    });
  }

  it('key-file= with alg=hmac-sha256 is an error at the directive line', async () => {
    const result = await send(`# @sign rfc9421 id=${demoEd25519KeyId} alg=hmac-sha256 key-file=keys/demo.pem`);
    assert.equal(result.code, 1);
    assert.match(result.output, /r\.gwhttp:1: key-file= holds a private key/);
  });

  it("resolveSigning returns the file's PEM text as the secret (so the run masks it), not the path", async () => {
    const requestFile = path.join(dir, 'api', 'r.gwhttp');
    const prepared = await preparedFromText(`# @sign rfc9421 id=k alg=ed25519\nGET http://127.0.0.1:9/a\n`);
    const sources = [environmentSecretSource({ [secretEnvVarName('k')]: 'file:keys/demo.pem' })];
    const keyFiles = { requestFile, fileReader: nodeFileReader };
    const signing = await resolveSigning(prepared, { file: 'r.gwhttp', sources, keyFiles });
    assert.equal(signing?.secret, demoEd25519PrivateKey);
    const untrusted = { ...keyFiles, mayReadWorkspaceFiles: false };
    const refused = await resolveSigning(prepared, { file: 'r.gwhttp', sources, keyFiles: untrusted }).catch(
      (error: unknown) => error,
    );
    assert.ok(isGwHttpError(refused) && refused.code === 'file', String(refused));
    assert.match(refused.message, /untrusted workspace/);
  });
});
