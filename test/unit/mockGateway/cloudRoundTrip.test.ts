import { strict as assert } from 'node:assert';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import * as path from 'node:path';
import { PassThrough } from 'node:stream';

import { runMockGateway } from '../../../src/cli/commands/mockGatewayCommand';
import { runSend } from '../../../src/cli/commands/sendCommand';
import { runSign } from '../../../src/cli/commands/signCommand';
import { cloudDemoKeys, type CloudScheme } from '../../../src/cli/mockGateway/clouds/mockCloudKeys';
import { type MockGateway, startMockGateway } from '../../../src/cli/mockGateway/startMockGateway';
import { systemClock } from '../../../src/core/ports';
import { secretEnvVarName } from '../../../src/core/secrets/secretEnvVarName';

const repoRoot = path.join(__dirname, '../../..');

const examples: Record<CloudScheme, [file: string, requests: number]> = {
  'aws-sigv4': ['examples/awsSigV4.gwhttp', 2],
  'tencent-tc3': ['examples/tencentTc3.gwhttp', 1],
  'alibaba-apigw': ['examples/alibabaApigw.gwhttp', 3],
  'huawei-apig': ['examples/huaweiApig.gwhttp', 1],
};

/** What each vendor says when the signature is wrong (signing-clouds.md §10). */
const mismatchTexts: Record<CloudScheme, RegExp> = {
  'aws-sigv4': /The request signature we calculated does not match/,
  'tencent-tc3': /AuthFailure\.SignatureFailure|could not be validated/,
  'alibaba-apigw': /Invalid Signature, Server StringToSign/,
  'huawei-apig': /APIG\.0303|verify signature fail/,
};

function secretsEnv(wrong: boolean): Record<string, string> {
  const env: Record<string, string> = {};
  for (const key of Object.values(cloudDemoKeys)) env[secretEnvVarName(key.id)] = wrong ? 'not-the-secret' : key.secret;
  return env;
}

async function cli(run: typeof runSend, args: string[], env: Record<string, string>) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  stdout.on('data', (chunk: Buffer) => out.push(chunk));
  stderr.on('data', (chunk: Buffer) => err.push(chunk));
  const code = await run(args, { stdout, stderr, env, cwd: repoRoot, clock: systemClock });
  return { code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') };
}

describe('cloud schemes: gwhttp send round trips against the mock gateway', () => {
  let gateway: MockGateway;
  before(async () => {
    gateway = await startMockGateway({ port: 0 });
  });
  after(() => gateway.close());

  for (const [scheme, [file, count]] of Object.entries(examples) as [CloudScheme, [string, number]][]) {
    it(`${scheme}: ${file} is accepted by the mock's own verifier`, async () => {
      const args = [file, '--all', '--env', 'local', '--var', `gateway=${gateway.url}`, '--json'];
      const { code, stdout, stderr } = await cli(runSend, args, secretsEnv(false));
      assert.equal(code, 0, stderr + stdout);
      const results = (JSON.parse(stdout) as { results: { response: { status: number } }[] }).results;
      assert.deepEqual(
        results.map((result) => result.response.status),
        new Array<number>(count).fill(200),
      );
    });

    it(`${scheme}: a wrong secret gets the vendor's rejection, exit 1, the secret never printed`, async () => {
      const args = [file, '--env', 'local', '--var', `gateway=${gateway.url}`];
      const { code, stdout, stderr } = await cli(runSend, args, secretsEnv(true));
      assert.equal(code, 1);
      assert.match(stdout + stderr, mismatchTexts[scheme]);
      assert.doesNotMatch(stdout + stderr, /not-the-secret/);
    });
  }
});

describe('mock-gateway --scheme', () => {
  it('verifies only the named cloud scheme; others go to the Tencent gateway verifier', async () => {
    const gateway = await startMockGateway({ port: 0, cloudScheme: 'huawei-apig' });
    try {
      const aws = await cli(
        runSend,
        [examples['aws-sigv4'][0], '--env', 'local', '--var', `gateway=${gateway.url}`],
        secretsEnv(false),
      );
      assert.equal(aws.code, 1);
      assert.doesNotMatch(aws.stdout, /200 OK/);
      const huawei = await cli(
        runSend,
        [examples['huawei-apig'][0], '--env', 'local', '--var', `gateway=${gateway.url}`],
        secretsEnv(false),
      );
      assert.equal(huawei.code, 0, huawei.stdout);
    } finally {
      await gateway.close();
    }
  });

  it('an unknown --scheme is a usage error (exit 2)', async () => {
    assert.equal(await runMockGateway(['--scheme', 'aws']), 2);
  });
});

describe('cloud schemes: gwhttp sign --date reproduces the spec examples', () => {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'gwhttp-cloud-sign-'));
  const date = 'Tue, 03 Jan 2023 04:05:06 GMT';

  async function sign(text: string, env: Record<string, string>) {
    const file = path.join(folder, `r${Math.random().toString(36).slice(2)}.gwhttp`);
    writeFileSync(file, text);
    const result = await cli(runSign, [file, '--date', date, '--json'], env);
    assert.equal(result.code, 0, result.stderr);
    return JSON.parse(result.stdout) as {
      url: string;
      headers: { name: string; value: string }[];
      signing: { canonicalRequest?: string };
    };
  }

  it('AW1 (aws-sigv4 with a session token)', async () => {
    const signed = await sign(
      '# @sign aws-sigv4 id=AKIDEXAMPLE session-token=gwtest-session-token\nGET https://abc123.execute-api.us-east-1.amazonaws.com/prod/pets/a%2Fb?type=dog&limit=10\n',
      { GWHTTP_SECRET_AKIDEXAMPLE: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' },
    );
    const authorization = signed.headers.find((header) => header.name === 'Authorization')?.value;
    assert.match(authorization ?? '', /Signature=03ea87ec9638b70d192669b5e1cf3063dbe5fe6bb3fce51c7fcc6d35a2b55fc8$/);
    assert.match(signed.signing.canonicalRequest ?? '', /^GET\n\/prod\/pets\/a%252Fb\n/);
    // The session token is a credential: masked like the secret wherever it would be printed.
    assert.doesNotMatch(JSON.stringify(signed), /gwtest-session-token/);
  });

  it('TC1 (tencent-tc3) and HW1 (huawei-apig)', async () => {
    const tc3 = await sign(
      '# @sign tencent-tc3 id=AKIDgwTEST000000000000000000000000001 action=DescribeInstances\nPOST https://cvm.tencentcloudapi.com/\nContent-Type: application/json; charset=utf-8\n\n{"Limit":1}',
      { GWHTTP_SECRET_AKIDgwTEST000000000000000000000000001: 'gwtest-tc3-secret' },
    );
    const tc3Authorization = tc3.headers.find((header) => header.name === 'Authorization')?.value ?? '';
    assert.match(tc3Authorization, /Signature=473c1c233d9f79bcc713ab9805c0f1678b0c124b20e090203584bde77bad309a$/);
    const huawei = await sign(
      '# @sign huawei-apig id=gwtest-app-key headers="host;x-sdk-date"\nGET https://apig.example.com/v1/items/a%20b?b=2&a=1&flag&note=x*y\n',
      { GWHTTP_SECRET_gwtest_app_key: 'gwtest-app-secret' },
    );
    const huaweiAuthorization = huawei.headers.find((header) => header.name === 'Authorization')?.value ?? '';
    assert.match(huaweiAuthorization, /Signature=85b117f0cca57f53a2baecac9abafb7dbf03d12a75695f06488ae9744deb79f4$/);
  });

  it('a missing region is an error at the directive line: exit 1, nothing printed as sent', async () => {
    const file = path.join(folder, 'noregion.gwhttp');
    writeFileSync(file, '###\n# @sign aws-sigv4 id=AKIDEXAMPLE service=execute-api\nGET https://api.example.com/x\n');
    const result = await cli(runSign, [file, '--date', date], { GWHTTP_SECRET_AKIDEXAMPLE: 'topsecret-value' });
    assert.equal(result.code, 1);
    assert.match(result.stderr, /noregion\.gwhttp:2: .*needs region=/);
    assert.equal(result.stdout, '');
    assert.doesNotMatch(result.stderr, /topsecret-value/);
  });
});
