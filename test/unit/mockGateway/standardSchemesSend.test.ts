import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Writable } from 'node:stream';

import { runSend } from '../../../src/cli/commands/sendCommand';
import { standardDemoSecrets } from '../../../src/cli/mockGateway/standardMockKeys';
import { type MockGateway, startMockGateway } from '../../../src/cli/mockGateway/startMockGateway';
import { systemClock } from '../../../src/core/ports';
import { secretEnvVarName } from '../../../src/core/secrets/secretEnvVarName';
import { tempDir } from '../http/loopback';

class Capture extends Writable {
  text = '';
  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: () => void): void {
    this.text += chunk.toString();
    callback();
  }
}

const examples = path.resolve(__dirname, '../../../examples');

function demoEnv(override: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [keyId, secret] of Object.entries({ ...standardDemoSecrets(), ...override })) {
    env[secretEnvVarName(keyId)] = secret;
  }
  return env;
}

async function send(cwd: string, args: string[], env: Record<string, string>) {
  const stdout = new Capture();
  const stderr = new Capture();
  const code = await runSend(args, { stdout, stderr, env, cwd, clock: systemClock });
  return { code, output: stdout.text + stderr.text };
}

describe('gwhttp send round trip per standard scheme against the mock gateway', () => {
  let gateway: MockGateway;
  let dir: string;
  before(async () => (gateway = await startMockGateway({ port: 0 })));
  after(() => gateway.close());
  beforeEach(() => (dir = tempDir()));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const files = {
    rfc9421: 'rfc9421.gwhttp',
    'akamai-edgegrid': 'akamaiEdgegrid.gwhttp',
    oauth1: 'oauth1.gwhttp',
    digest: 'digest.gwhttp',
  };

  for (const [scheme, file] of Object.entries(files)) {
    it(`${scheme}: examples/${file} is sent, verified and asserted (exit 0), no secret printed`, async () => {
      const result = await send(examples, [file, '--all', '--var', `gateway=${gateway.url}`, '-v'], demoEnv());
      assert.equal(result.code, 0, result.output);
      assert.match(result.output, /200 OK/);
      assert.doesNotMatch(result.output, /✘/);
      for (const secret of Object.values(standardDemoSecrets())) {
        assert.ok(!result.output.includes(secret.trim().split('\n')[1] ?? secret), `secret of ${scheme} printed`);
      }
    });
  }

  // The wrong secrets are not English words: a secret is masked wherever it occurs, in the explanation too.
  const rejections: [string, string, Record<string, string>, RegExp][] = [
    [
      'rfc9421',
      '# @sign rfc9421 id=gwhttp-demo-rfc9421 alg=hmac-sha256\nGET {{gateway}}/x\n',
      { 'gwhttp-demo-rfc9421': 'wrong' },
      /401.*not accepted \(mismatch\).*cause: The server did not accept/s,
    ],
    [
      'akamai-edgegrid',
      '# @sign akamai-edgegrid id=akab-gwhttp-demo-client-token access-token=a\nGET {{gateway}}/x\n',
      { 'akab-gwhttp-demo-client-token': 'wrong=' },
      /401.*The signature does not match.*local signing string/s,
    ],
    [
      'oauth1',
      '# @sign oauth1 id=gwhttp-demo-consumer\nGET {{gateway}}/x\n',
      { 'gwhttp-demo-consumer': 'wrong' },
      /401.*oauth_problem=signature_invalid.*computed another OAuth signature/s,
    ],
    [
      'oauth1 placement=query',
      '# @sign oauth1 id=gwhttp-demo-consumer placement=query\nGET {{gateway}}/x?a=1\n',
      { 'gwhttp-demo-consumer': 'wrong' },
      /401.*oauth_problem=signature_invalid/s,
    ],
    [
      'oauth1 placement=body',
      '# @sign oauth1 id=gwhttp-demo-consumer placement=body\nPOST {{gateway}}/x\nContent-Type: application/x-www-form-urlencoded\n\na=1\n',
      { 'gwhttp-demo-consumer': 'wrong' },
      /401.*oauth_problem=signature_invalid/s,
    ],
    [
      'digest',
      '# @sign digest id=gwhttp-demo-user\nGET {{gateway}}/digest/x\n',
      { 'gwhttp-demo-user': 'not-the-password' },
      /401.*username or password is wrong/s,
    ],
  ];
  for (const [scheme, text, override, expected] of rejections) {
    it(`${scheme}: a wrong secret is rejected by the mock's own verifier and explained (exit 1)`, async () => {
      fs.writeFileSync(path.join(dir, 'r.gwhttp'), text);
      const result = await send(dir, ['r.gwhttp', '--var', `gateway=${gateway.url}`], demoEnv(override));
      assert.equal(result.code, 1);
      assert.match(result.output, expected);
    });
  }

  it('oauth1 placement=body without a form body is an error at the directive line (exit 1)', async () => {
    const text =
      '# @sign oauth1 id=gwhttp-demo-consumer placement=body\nPOST {{gateway}}/x\nContent-Type: application/json\n\n{}\n';
    fs.writeFileSync(path.join(dir, 'r.gwhttp'), text);
    const result = await send(dir, ['r.gwhttp', '--var', `gateway=${gateway.url}`], demoEnv());
    assert.equal(result.code, 1);
    assert.match(result.output, /r\.gwhttp:1: placement=body .*application\/x-www-form-urlencoded/s);
  });
});
