import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Writable } from 'node:stream';

import { runSend } from '../../../../src/cli/commands/sendCommand';
import { runSign } from '../../../../src/cli/commands/signCommand';
import { isGwHttpError } from '../../../../src/core/errors';
import { parseDocument } from '../../../../src/core/parser/parseDocument';
import { systemClock } from '../../../../src/core/ports';
import { secretEnvVarName } from '../../../../src/core/secrets/secretEnvVarName';
import { checkSigning } from '../../../../src/core/signing/checkSigning';
import { createSigningPlan } from '../../../../src/core/signing/createSigningPlan';
import { signRequest } from '../../../../src/core/signing/signRequest';
import { type Loopback, startLoopback, tempDir } from '../../http/loopback';
import { outgoing } from '../signingTestKit';

class Capture extends Writable {
  text = '';
  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: () => void): void {
    this.text += chunk.toString();
    callback();
  }
}

function errorsOf(text: string) {
  return checkSigning(parseDocument(text), text).filter((diagnostic) => diagnostic.severity === 'error');
}

function signingError(run: () => unknown): Error {
  try {
    run();
  } catch (error) {
    assert.ok(isGwHttpError(error) && error.code === 'signing', String(error));
    return error;
  }
  assert.fail('expected a signing error');
}

describe('standard schemes: bad input is an error at the directive, nothing sent, no secret printed', () => {
  it('a directive missing a required option is an error at its line', () => {
    const found = errorsOf(
      '###\n# @sign rfc9421 id=k1\nGET https://h/x\n\n###\n# @sign akamai-edgegrid id=ct\nGET https://h/y\n',
    );
    assert.deepEqual(
      found.map((diagnostic) => [diagnostic.line, diagnostic.code]),
      [
        [2, 'sign-missing-option'],
        [6, 'sign-missing-option'],
      ],
    );
    assert.match(found[0].message, /rfc9421 signing needs alg=…/);
    assert.match(found[1].message, /access-token=…/);
  });

  it('an unknown option is an error listing the scheme options; a bad value names the choices', () => {
    const [unknown, bad] = errorsOf(
      '# @sign oauth1 id=ck colour=blue\nGET https://h/x\n\n###\n# @sign rfc9421 id=k alg=rsa-sha1\nGET https://h/\n',
    );
    assert.equal(unknown.line, 1);
    assert.match(unknown.message, /Unknown oauth1 signing option "colour"; known options: id, token, realm, version/);
    assert.equal(bad.line, 5);
    assert.match(bad.message, /alg="rsa-sha1" must be hmac-sha256 or ed25519 or rsa-pss-sha512 or ecdsa-p256-sha256/);
  });

  it('a Signature-Input template without alg asks for alg=; with a directive giving it, none', () => {
    const template = 'GET https://h/x\nSignature-Input: sig1=("@method" "@path");created=1;keyid="k1"\n';
    assert.equal(errorsOf(template)[0]?.code, 'sign-missing-option');
    assert.deepEqual(errorsOf(`# @sign rfc9421 alg=ed25519\n${template}`), []);
  });

  it('a PEM private key in a request file is flagged as a literal secret', () => {
    const text =
      '@key = -----BEGIN PRIVATE KEY-----\\nMC4CAQAwBQYDK2VwBCIEIJ+DYvh6SEqVTm50DFtMDoQikTmiCqirVv9mWG9qfSnF\nGET https://h/\n';
    const found = checkSigning(parseDocument(text), text).filter((diagnostic) => diagnostic.code === 'literal-secret');
    assert.equal(found.length, 1);
    assert.equal(found[0].line, 1);
    assert.match(found[0].message, /A PEM private key/);
  });

  it('a malformed PEM key, or a key of the wrong type, is a signing error that never quotes the key', () => {
    const plan = createSigningPlan('rfc9421', 'k1', { parameters: { alg: 'ed25519' }, line: 7 });
    const request = outgoing('GET', 'https://h/x', []);
    const broken = '-----BEGIN PRIVATE KEY-----\nnot-base64-at-all!!\n-----END PRIVATE KEY-----';
    const malformed = signingError(() => signRequest(request, plan, broken, systemClock));
    // The signer does not know the file: prepareAndSign locates the error at the directive (see the CLI case below).
    assert.match(malformed.message, /malformed/);
    assert.ok(!malformed.message.includes('not-base64'));
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 })
      .privateKey.export({ type: 'pkcs8', format: 'pem' })
      .toString();
    assert.match(
      signingError(() => signRequest(request, plan, rsa, systemClock)).message,
      /needs an Ed25519 private key/,
    );
    assert.match(
      signingError(() => signRequest(request, plan, 'plain-text-secret', systemClock)).message,
      /not a PEM private key/,
    );
  });

  it('a covered field the request lacks, or a repeated query parameter, is a signing error', () => {
    const plan = createSigningPlan('rfc9421', 'k1', {
      parameters: { alg: 'hmac-sha256', components: '@method x-missing' },
    });
    assert.match(
      signingError(() => signRequest(outgoing('GET', 'https://h/', []), plan, 's', systemClock)).message,
      /"x-missing" is not in the request/,
    );
    const byParam = createSigningPlan('rfc9421', 'k1', {
      parameters: { alg: 'hmac-sha256', components: '@query-param;name=a' },
    });
    assert.match(
      signingError(() => signRequest(outgoing('GET', 'https://h/?a=1&a=2', []), byParam, 's', systemClock)).message,
      /repeated/,
    );
  });

  it('akamai: a POST body over max-body is an error unless truncate=yes', () => {
    const plan = createSigningPlan('akamai-edgegrid', 'ct', {
      parameters: { 'access-token': 'at', 'max-body': '8' },
      line: 3,
    });
    const request = outgoing('POST', 'https://akab-h.luna.akamaiapis.net/x', [], '0123456789');
    assert.match(
      signingError(() => signRequest(request, plan, 'secret', systemClock)).message,
      /larger than max-body=8/,
    );
    const truncating = createSigningPlan('akamai-edgegrid', 'ct', {
      parameters: { 'access-token': 'at', 'max-body': '8', truncate: 'yes' },
    });
    assert.ok(signRequest(request, truncating, 'secret', systemClock).signing.signingString.includes('\t'));
  });

  describe('through the CLI', () => {
    let dir: string;
    let server: Loopback | undefined;
    beforeEach(() => (dir = tempDir()));
    afterEach(async () => {
      await server?.close();
      server = undefined;
      fs.rmSync(dir, { recursive: true, force: true });
    });

    async function cli(command: typeof runSend, args: string[], env: Record<string, string>) {
      const stdout = new Capture();
      const stderr = new Capture();
      const code = await command(args, { stdout, stderr, env, cwd: dir, clock: systemClock });
      return { code, stdout: stdout.text, stderr: stderr.text };
    }

    it('send: a malformed PEM key exits 1 at the directive line, nothing reaches the server, the key is not printed', async () => {
      server = await startLoopback((_request, response) => response.end('ok'));
      fs.writeFileSync(
        path.join(dir, 'a.gwhttp'),
        `### one\n# @sign rfc9421 id=pem-key alg=ed25519\nGET ${server.url}/x\n`,
      );
      const key = '-----BEGIN PRIVATE KEY-----\\nAAAAsecretish\\n-----END PRIVATE KEY-----';
      const result = await cli(runSend, ['a.gwhttp'], { [secretEnvVarName('pem-key')]: key });
      assert.equal(result.code, 1);
      assert.equal(server.received.length, 0);
      assert.match(result.stdout + result.stderr, /a\.gwhttp:2: .*malformed/);
      assert.ok(!(result.stdout + result.stderr).includes('secretish'));
    });

    it('sign: a missing required option exits 1 naming file:line', async () => {
      fs.writeFileSync(
        path.join(dir, 'b.gwhttp'),
        '# @sign akamai-edgegrid id=ct\nGET https://akab-h.luna.akamaiapis.net/\n',
      );
      const result = await cli(runSign, ['b.gwhttp'], {});
      assert.equal(result.code, 1);
      assert.match(result.stderr, /b\.gwhttp:1: .*access-token=…/);
    });
  });
});
