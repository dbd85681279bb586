import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Writable } from 'node:stream';

import { runSend } from '../../../src/cli/commands/sendCommand';
import { demoKeyPairId, demoKeyPairSecret } from '../../../src/cli/mockGateway/mockKeys';
import { type MockGateway, startMockGateway } from '../../../src/cli/mockGateway/startMockGateway';
import { systemClock } from '../../../src/core/ports';
import { secretEnvVarName } from '../../../src/core/secrets/secretEnvVarName';
import { type Loopback, startLoopback, tempDir } from '../http/loopback';

/** The two seed pages of ../shared/seeds, byte for byte (test/unit/parser/seeds.test.ts reads the same copies). */
const seedsDir = path.join(__dirname, '../../fixtures/parser');
const seeds = ['seed-keypair-doc.gwhttp', 'seed-keypair-sample.gwhttp'];

class Capture extends Writable {
  text = '';
  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: () => void): void {
    this.text += chunk.toString();
    callback();
  }
}

/**
 * A seed page as a user adapts it to a gateway of their own: the sample's address pointed at `url`, the
 * key id made theirs, and the Host header a proxy added (with a path) left out. Everything else,
 * the documented Response code and Response header blocks included, stays as printed.
 */
function adaptSeed(text: string, url: string): string {
  return text
    .replace(/http:\/\/service-[^\s/]+\/release/g, `${url}/release`)
    .replace(/^Host: .*\n/m, '')
    .replace(/id="AKID[^"]*"/g, `id="${demoKeyPairId}"`);
}

interface JsonAssertion {
  assertion: string;
  passed: boolean;
  origin: string;
}

async function sendSeed(dir: string, seed: string, url: string) {
  const file = path.join(dir, seed);
  fs.writeFileSync(file, adaptSeed(fs.readFileSync(path.join(seedsDir, seed), 'utf8'), url));
  const stdout = new Capture();
  const stderr = new Capture();
  const env = { [secretEnvVarName(demoKeyPairId)]: demoKeyPairSecret };
  const code = await runSend([file, '--json'], { stdout, stderr, env, cwd: dir, clock: systemClock });
  assert.equal(stderr.text, '');
  const { results } = JSON.parse(stdout.text) as { results: { assertions: JsonAssertion[] }[] };
  return { code, assertions: results[0].assertions };
}

describe("the seed pages' documented responses as checks", () => {
  let dir: string;
  let gateway: MockGateway | undefined;
  let server: Loopback | undefined;
  beforeEach(() => (dir = tempDir()));
  afterEach(async () => {
    await gateway?.close();
    await server?.close();
    gateway = server = undefined;
    fs.rmSync(dir, { recursive: true, force: true });
  });

  for (const seed of seeds) {
    it(`${seed}: passes against the mock gateway, every check marked as documentation`, async () => {
      gateway = await startMockGateway({ port: 0 });
      const { code, assertions } = await sendSeed(dir, seed, gateway.url);
      assert.ok(assertions.length >= 5, `${assertions.length} documented checks`);
      assert.deepEqual(
        assertions.filter((assertion) => !assertion.passed),
        [],
      );
      assert.ok(assertions.every((assertion) => assertion.origin === 'documentation'));
      assert.ok(assertions.some((assertion) => assertion.assertion.startsWith('header X-RateLimit-Limit')));
      assert.equal(code, 0);
    });

    it(`${seed}: fails against a server that answers without X-RateLimit-Limit`, async () => {
      server = await startLoopback((_request, response) => {
        response.setHeader('Content-Type', 'application/json');
        response.setHeader('X-Secret-ID', demoKeyPairId);
        response.setHeader('X-UsagePlan-ID', 'usagePlan-demo');
        response.setHeader('X-RateLimit-Used', '1/500');
        response.end('{}');
      });
      const { code, assertions } = await sendSeed(dir, seed, server.url);
      assert.equal(code, 1);
      const failed = assertions.filter((assertion) => !assertion.passed).map((assertion) => assertion.assertion);
      assert.deepEqual(failed, ['header X-RateLimit-Limit == 500']);
    });
  }
});
