import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { nodeFileReader } from '../../../src/cli/shared/nodeFileReader';
import { parseDocument } from '../../../src/core/parser/parseDocument';
import { resolveSigning } from '../../../src/core/run/resolveSigning';
import { awsCredentialSource } from '../../../src/core/secrets/awsCredentialSource';
import { environmentSecretSource } from '../../../src/core/secrets/environmentSecretSource';
import { checkSigning } from '../../../src/core/signing/checkSigning';
import { selectSigning } from '../../../src/core/signing/selectSigning';
import { signRequest } from '../../../src/core/signing/signRequest';
import { outgoing, prepared } from './signingTestKit';

function diagnosticsOf(text: string) {
  return checkSigning(parseDocument(text), text).map(({ line, severity, code, message }) => ({
    line,
    severity,
    code,
    message,
  }));
}

const lambdaUrl = 'https://abcdefghij.lambda-url.eu-west-1.on.aws/orders';

describe('cloud signing directives: errors at the directive line', () => {
  it('aws-sigv4 without region= on a host that does not name one is an error at its line', () => {
    const found = diagnosticsOf(
      '###\n# @sign aws-sigv4 id=AKIDEXAMPLE service=execute-api\nGET https://api.example.com/x\n',
    );
    assert.equal(found.length, 1);
    assert.deepEqual([found[0].line, found[0].severity], [2, 'error']);
    assert.match(found[0].message, /needs region=/);
  });

  it('takes region and service from a Lambda URL host, and refuses a region the host contradicts', () => {
    assert.deepEqual(diagnosticsOf(`###\n# @sign aws-sigv4 id=AKIDEXAMPLE\nGET ${lambdaUrl}\n`), []);
    const found = diagnosticsOf(`###\n# @sign aws-sigv4 id=AKIDEXAMPLE region=us-east-1\nGET ${lambdaUrl}\n`);
    assert.deepEqual(
      found.map((diagnostic) => [diagnostic.line, diagnostic.severity]),
      [[2, 'error']],
    );
    assert.match(found[0].message, /region=us-east-1 does not match the host .* eu-west-1/);
  });

  it('an unknown option is an error listing the scheme options; a bad value is an error', () => {
    const unknown = diagnosticsOf(`###\n# @sign huawei-apig id=ak regoin=x\nGET https://a.example.com/\n`);
    assert.deepEqual(
      unknown.map((diagnostic) => [diagnostic.line, diagnostic.severity, diagnostic.code]),
      [[2, 'error', 'sign-unknown-option']],
    );
    assert.match(unknown[0].message, /known options: id, headers, token, payload, stage/);
    const bad = diagnosticsOf(`###\n# @sign aws-sigv4 id=AKIDEXAMPLE presign=999999\nGET ${lambdaUrl}\n`);
    assert.match(bad[0].message, /presign="999999" must be a number of seconds from 1 to 604800/);
    const algorithm = diagnosticsOf(`###\n# @sign alibaba-apigw id=k algorithm=md5\nGET https://a.example.com/\n`);
    assert.match(algorithm[0].message, /must be HmacSHA256 or HmacSHA1/);
  });

  it('a pasted AWS Authorization is a template: key id, region and service kept, no date warning', () => {
    const text = `###\nGET https://api.example.com/x\nAuthorization: AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/execute-api/aws4_request, SignedHeaders=host;x-amz-date, Signature=abc\n`;
    assert.deepEqual(diagnosticsOf(text), []);
  });
});

describe("alibaba-apigw: a pasted sample's separate X-Ca-* headers are a template", () => {
  const sample: [string, string][] = [
    ['X-Ca-Key', '203753385'],
    ['X-Ca-Signature-Method', 'HmacSHA1'],
    ['X-Ca-Timestamp', '1525872629832'],
    ['X-Ca-Nonce', 'c9f15cbf-f4ac-4a6c-b54d-f51abf4b5b44'],
    ['X-Ca-Stage', 'TEST'],
    ['X-Ca-Signature-Headers', 'x-ca-key,x-ca-nonce,x-ca-signature-method,x-ca-timestamp'],
    ['X-Ca-Signature', 'stale/signature='],
  ];

  it('selects alibaba-apigw with the AppKey, the method, the signed-header list and the stage kept', () => {
    const { plan, diagnostics } = selectSigning(prepared(outgoing('GET', 'https://a.example.com/x', sample)));
    assert.deepEqual(diagnostics, []);
    assert.equal(plan?.scheme, 'alibaba-apigw');
    assert.equal(plan?.origin, 'template');
    assert.deepEqual([plan?.keyId, plan?.algorithm, plan?.parameters.stage], ['203753385', 'hmac-sha1', 'TEST']);
    assert.deepEqual(plan?.signedHeaders, ['x-ca-key', 'x-ca-nonce', 'x-ca-signature-method', 'x-ca-timestamp']);
  });

  it("a run's signing memo keeps each template's own AppKey", () => {
    const memo = new Map();
    const withKey = (key: string) =>
      prepared(outgoing('GET', 'https://a.example.com/x', [['X-Ca-Key', key], ...sample.slice(1)]));
    assert.equal(selectSigning(withKey('first-key'), memo).plan?.keyId, 'first-key');
    assert.equal(selectSigning(withKey('second-key'), memo).plan?.keyId, 'second-key');
  });

  it('is no template without X-Ca-Signature (a plain X-Ca-Key header is sent as written)', () => {
    const request = outgoing('GET', 'https://a.example.com/x', [['X-Ca-Key', '203753385']]);
    assert.equal(selectSigning(prepared(request)).plan, null);
  });

  it('at send time the stale values are replaced, never duplicated', () => {
    const { plan } = selectSigning(prepared(outgoing('GET', 'https://a.example.com/x', sample)));
    assert.ok(plan);
    const now = new Date('2023-01-03T04:05:06Z');
    const signed = signRequest(outgoing('GET', 'https://a.example.com/x', sample), plan, 'secret', { now: () => now });
    const values = (name: string) =>
      signed.request.headers.filter((header) => header.name.toLowerCase() === name).map((header) => header.value);
    assert.deepEqual(values('x-ca-timestamp'), [String(now.getTime())]);
    assert.deepEqual(values('x-ca-signature'), [signed.signing.signature]);
    assert.notEqual(signed.signing.signature, 'stale/signature=');
    assert.deepEqual(values('x-ca-key'), ['203753385']);
    assert.equal(values('x-ca-nonce').length, 1);
    assert.match(signed.signing.signingString, /x-ca-stage:TEST\n/);
  });

  it('checkSigning: a sample whose X-Ca-Key is a {{variable}} has no diagnostic', () => {
    const text = '###\nGET https://a.example.com/x\nX-Ca-Key: {{appKey}}\nX-Ca-Signature: abc=\n';
    assert.deepEqual(diagnosticsOf(text), []);
  });
});

describe('aws-sigv4 credentials from the AWS environment and shared credentials file', () => {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'gwhttp-aws-'));
  const file = path.join(folder, 'credentials');
  writeFileSync(
    file,
    '[default]\naws_access_key_id = AKIADEFAULT000000000\naws_secret_access_key = default-secret\n\n[dev]\naws_access_key_id = ASIADEV0000000000000\naws_secret_access_key = dev-secret\naws_session_token = dev-token\n',
  );
  const request = outgoing('GET', lambdaUrl, []);

  async function resolved(directive: string, env: Record<string, string>) {
    const sources = [environmentSecretSource(env), awsCredentialSource(env, nodeFileReader)];
    return resolveSigning(prepared(request, [['sign', directive]]), { file: 'x.gwhttp', sources });
  }

  it('id-less: AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY / AWS_SESSION_TOKEN', async () => {
    const signing = await resolved('aws-sigv4', {
      AWS_ACCESS_KEY_ID: 'AKIAENV0000000000000',
      AWS_SECRET_ACCESS_KEY: 'env-secret',
      AWS_SESSION_TOKEN: 'env-token',
    });
    assert.equal(signing?.plan.keyId, 'AKIAENV0000000000000');
    assert.equal(signing?.secret, 'env-secret');
    assert.equal(signing?.plan.parameters['session-token'], 'env-token');
  });

  it('profile=NAME reads that profile of AWS_SHARED_CREDENTIALS_FILE, with its session token', async () => {
    const signing = await resolved('aws-sigv4 profile=dev', { AWS_SHARED_CREDENTIALS_FILE: file });
    assert.deepEqual([signing?.plan.keyId, signing?.secret], ['ASIADEV0000000000000', 'dev-secret']);
    assert.equal(signing?.plan.parameters['session-token'], 'dev-token');
  });

  it('an explicit id finds its secret: GWHTTP_SECRET_<ID> first, then a profile with that key id', async () => {
    const env = { AWS_SHARED_CREDENTIALS_FILE: file, GWHTTP_SECRET_AKIADEFAULT000000000: 'gwhttp-secret' };
    assert.equal((await resolved('aws-sigv4 id=AKIADEFAULT000000000', env))?.secret, 'gwhttp-secret');
    const fromFile = await resolved('aws-sigv4 id=AKIADEFAULT000000000', { AWS_SHARED_CREDENTIALS_FILE: file });
    assert.equal(fromFile?.secret, 'default-secret');
  });

  it('no credentials anywhere: a missingSecret error that names what was looked for, no secret in it', async () => {
    await assert.rejects(resolved('aws-sigv4 profile=nope', { AWS_SHARED_CREDENTIALS_FILE: file }), (error: Error) => {
      assert.match(error.message, /no AWS credentials .*profile "nope"/);
      assert.doesNotMatch(error.message, /dev-secret|default-secret/);
      return true;
    });
  });
});
