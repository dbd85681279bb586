import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { PassThrough } from 'node:stream';

import { runSend } from '../../../src/cli/commands/sendCommand';
import { demoAppKeyId, demoAppSecret, demoKeyPairId, demoKeyPairSecret } from '../../../src/cli/mockGateway/mockKeys';
import { type MockGateway, startMockGateway } from '../../../src/cli/mockGateway/startMockGateway';
import { systemClock } from '../../../src/core/ports';

const repoRoot = path.join(__dirname, '../../..');

interface JsonResult {
  response: { status: number } | null;
  throttle: { usagePlanId: string | null; secretId: string | null } | null;
  error: { code: string; message: string } | null;
}

/** What `npm start` does for one file, in process: `gwhttp send FILE --all --env local --var gateway=URL --json`. */
async function sendExample(
  file: string,
  gateway: MockGateway,
): Promise<{ code: number; results: JsonResult[]; stderr: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const chunks: Buffer[] = [];
  const errors: Buffer[] = [];
  stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
  stderr.on('data', (chunk: Buffer) => errors.push(chunk));
  const env = {
    [`GWHTTP_SECRET_${demoKeyPairId}`]: demoKeyPairSecret,
    [`GWHTTP_SECRET_${demoAppKeyId}`]: demoAppSecret,
  };
  const code = await runSend([file, '--all', '--env', 'local', '--var', `gateway=${gateway.url}`, '--json'], {
    stdout,
    stderr,
    env,
    cwd: repoRoot,
    clock: systemClock,
  });
  const text = Buffer.concat(chunks).toString('utf8');
  const results = text.trim() === '' ? [] : (JSON.parse(text) as { results: JsonResult[] }).results;
  return { code, results, stderr: Buffer.concat(errors).toString('utf8') };
}

describe('examples/ against the mock gateway (the main job, in process)', () => {
  let gateway: MockGateway;
  before(async () => {
    gateway = await startMockGateway({ port: 0 });
  });
  after(() => gateway.close());

  for (const [file, count] of [
    ['examples/docSample.gwhttp', 1],
    ['examples/requests.gwhttp', 5],
  ] as const) {
    it(`${file}: every request answers 200 with the throttling state`, async () => {
      const { code, results, stderr } = await sendExample(file, gateway);
      assert.equal(code, 0, stderr + JSON.stringify(results.map((r) => r.error)));
      assert.equal(results.length, count);
      for (const result of results) {
        assert.equal(result.response?.status, 200);
        assert.ok(result.throttle?.usagePlanId?.startsWith('usagePlan-demo'));
        assert.ok(result.throttle?.secretId === demoKeyPairId || result.throttle?.secretId === demoAppKeyId);
      }
    });
  }

  it('examples/rejected/wrongScheme.gwhttp: rejected and explained (kept out of the main job)', async () => {
    const { code, results } = await sendExample('examples/rejected/wrongScheme.gwhttp', gateway);
    assert.equal(code, 1);
    assert.equal(results[0].response?.status, 401);
    assert.equal(results[0].error?.code, 'gatewayRejected');
    assert.match(results[0].error?.message ?? '', /Server StringToSign/);
  });
});
