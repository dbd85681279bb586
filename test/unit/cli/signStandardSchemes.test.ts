import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Writable } from 'node:stream';

import { runSign } from '../../../src/cli/commands/signCommand';
import { standardDemoSecrets } from '../../../src/cli/mockGateway/standardMockKeys';
import { secretEnvVarName } from '../../../src/core/secrets/secretEnvVarName';
import { tempDir } from '../http/loopback';

class Capture extends Writable {
  text = '';
  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: () => void): void {
    this.text += chunk.toString();
    callback();
  }
}

const env: Record<string, string> = {};
for (const [keyId, secret] of Object.entries(standardDemoSecrets())) env[secretEnvVarName(keyId)] = secret;

const date = 'Tue, 03 Jan 2023 04:05:06 GMT';
const cases: [string, string, RegExp][] = [
  [
    'rfc9421',
    '# @sign rfc9421 id=gwhttp-demo-ed25519 alg=ed25519 nonce=auto\nPOST https://api.example.com/foo\nContent-Type: application/json\n\n{"a": 1}\n',
    /created=1672718706;keyid="gwhttp-demo-ed25519";nonce="fixed-nonce"/,
  ],
  [
    'akamai-edgegrid',
    '# @sign akamai-edgegrid id=akab-gwhttp-demo-client-token access-token=akab-at\nGET https://akab-h.luna.akamaiapis.net/x\n',
    /timestamp=20230103T04:05:06\+0000;nonce=fixed-nonce;signature=/,
  ],
  [
    'oauth1',
    '# @sign oauth1 id=gwhttp-demo-consumer token=gwhttp-demo-token\nGET https://api.example.com/a\n',
    /oauth_timestamp="1672718706", oauth_nonce="fixed-nonce"/,
  ],
];

describe('gwhttp sign --date --nonce reproduces the standard schemes byte for byte', () => {
  let dir: string;
  beforeEach(() => (dir = tempDir()));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  async function sign(args: string[]) {
    const stdout = new Capture();
    const stderr = new Capture();
    const code = await runSign(args, { stdout, stderr, env, cwd: dir, clock: { now: () => new Date() } });
    return { code, stdout: stdout.text, stderr: stderr.text };
  }

  for (const [scheme, text, expected] of cases) {
    it(`${scheme}: the same output twice, the --date instant and --nonce in it, no secret; the signing string on stderr`, async () => {
      fs.writeFileSync(path.join(dir, 's.gwhttp'), text);
      const args = ['s.gwhttp', '--date', date, '--nonce', 'fixed-nonce'];
      const first = await sign(args);
      const second = await sign(args);
      assert.equal(first.code, 0, first.stderr);
      assert.equal(first.stdout, second.stdout);
      assert.match(first.stdout, expected);
      assert.match(first.stderr, new RegExp(`signed with ${scheme}, .*\\nsigning string:\\n`));
      for (const secret of Object.values(standardDemoSecrets())) {
        assert.ok(!(first.stdout + first.stderr).includes(secret));
      }
    });
  }

  it('--json carries the signing string (rfc9421 signature base)', async () => {
    fs.writeFileSync(path.join(dir, 's.gwhttp'), cases[0][1]);
    const result = await sign(['s.gwhttp', '--date', date, '--nonce', 'n', '--json']);
    const json = JSON.parse(result.stdout) as { signing: { scheme: string; signingString: string } };
    assert.equal(json.signing.scheme, 'rfc9421');
    assert.match(
      json.signing.signingString,
      /^"@method": POST\n"@authority": api\.example\.com\n"@path": \/foo\n"content-type": application\/json\n"content-digest": sha-256=:/,
    );
  });
});
