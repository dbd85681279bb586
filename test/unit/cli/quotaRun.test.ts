import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Writable } from 'node:stream';

import { runSend } from '../../../src/cli/commands/sendCommand';
import { type MockGateway, startMockGateway } from '../../../src/cli/mockGateway/startMockGateway';
import { UsageCounter } from '../../../src/cli/mockGateway/usageCounter';
import { systemClock } from '../../../src/core/ports';
import { parseShard } from '../../../src/core/run/shardRequests';
import { secretEnvVarName } from '../../../src/core/secrets/secretEnvVarName';
import { type Loopback, startLoopback, tempDir } from '../http/loopback';

class Capture extends Writable {
  text = '';
  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: () => void): void {
    this.text += chunk.toString();
    callback();
  }
}

const keyId = 'AKIDquotaTest000000000000000000001';
const secret = 'quota-test-secret';

async function send(dir: string, args: string[]) {
  const stdout = new Capture();
  const stderr = new Capture();
  const env = { [secretEnvVarName(keyId)]: secret };
  const code = await runSend(args, { stdout, stderr, env, cwd: dir, clock: systemClock });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

describe('quota over a run, sharding and the mock gateway limits', () => {
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
  const signedRequests = (url: string, count: number) =>
    Array.from(
      { length: count },
      (_, index) => `### call ${index}\n# @sign tencent-keypair id=${keyId}\nGET ${url}/release/items/${index}\n`,
    ).join('\n');

  it('sums each key up at the end: use at start and end, peak, 429s (--json quota, the human summary, a chart)', async () => {
    gateway = await startMockGateway({ keys: [{ id: keyId, secret, usagePlanId: 'plan-q', limit: 3 }] });
    fs.writeFileSync(path.join(dir, 'q.gwhttp'), signedRequests(gateway.url, 4));
    const json = await send(dir, ['q.gwhttp', '--all', '--json', '--quota-chart', 'charts/quota.svg']);
    assert.equal(json.code, 1, 'the fourth request was refused with 429');
    const document = JSON.parse(json.stdout) as { quota: Record<string, unknown>[] };
    assert.deepEqual(document.quota, [
      { keyId, usagePlanId: 'plan-q', limit: 3, usedAtStart: 1, usedAtEnd: 3, peak: 3, throttled: 1, waits: 0 },
    ]);
    const svg = fs.readFileSync(path.join(dir, 'charts', 'quota.svg'), 'utf8');
    assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    assert.match(svg, /<polyline points="[\d., ]+"/);
    assert.match(svg, /<title>429<\/title>/);
    assert.match(svg, new RegExp(`${keyId} · plan-q \\(1× 429\\)`));
    assert.doesNotMatch(svg, /<script|href=/);

    await gateway.close();
    gateway = await startMockGateway({ keys: [{ id: keyId, secret, usagePlanId: 'plan-q', limit: 10 }] });
    fs.writeFileSync(path.join(dir, 'q.gwhttp'), signedRequests(gateway.url, 2));
    const human = await send(dir, ['q.gwhttp', '--all']);
    assert.equal(human.code, 0);
    assert.match(
      human.stdout,
      new RegExp(
        `\\nquota over the run:\\n {2}key ${keyId} · plan plan-q: used 1 → 2 of 10 \\(peak 2\\), 0 throttled, 0 waits\\n$`,
      ),
    );
  });

  it('--shard I/N: whole chaining groups dealt out in turn; the shards add up to the whole run', async () => {
    server = await startLoopback((_request, response) => response.end('{"token":"t"}'));
    fs.writeFileSync(
      path.join(dir, 'a.gwhttp'),
      [
        '# @name login',
        `GET ${server.url}/a0`,
        '###',
        `GET ${server.url}/a1?t={{login.response.body.$.token}}`,
        '###',
        `GET ${server.url}/a2`,
        '###',
        `GET ${server.url}/a3`,
        '',
      ].join('\n'),
    );
    fs.writeFileSync(path.join(dir, 'b.gwhttp'), `GET ${server.url}/b0\n###\nGET ${server.url}/b1\n`);
    const sent = async (shard: string | null) => {
      server!.received.length = 0;
      const run = await send(dir, [
        '.',
        ...(shard ? ['--shard', shard] : []),
        '--junit',
        `j-${shard?.split('/')[0] ?? 'all'}.xml`,
      ]);
      assert.equal(run.code, 0, run.stderr);
      return server!.received.map((received) => received.url.split('?')[0]);
    };
    const whole = await sent(null);
    const first = await sent('1/2');
    const second = await sent('2/2');
    assert.deepEqual([...first, ...second].sort(), [...whole].sort(), 'every request exactly once');
    assert.deepEqual(first, ['/a0', '/a1', '/a3', '/b1'], 'groups 0, 2, 4: login and its user stay together');
    assert.deepEqual(second, ['/a2', '/b0']);
    const cases = (name: string) =>
      (fs.readFileSync(path.join(dir, `j-${name}.xml`), 'utf8').match(/<testcase /g) ?? []).length;
    assert.equal(cases('all'), 6);
    assert.equal(cases('1') + cases('2'), cases('all'), 'the JUnit cases of the shards add up');
    assert.equal(parseShard('0/2'), null);
    assert.equal(parseShard('3/2'), null);
    const bad = await send(dir, ['.', '--shard', 'half']);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--shard needs I\/N with 1 ≤ I ≤ N, got "half"/);
  });

  it('the mock counts a burst limit per second besides the window', () => {
    const counter = new UsageCounter(60, 2);
    const at = (ms: number) => new Date(Date.UTC(2026, 0, 1, 10, 0, 0, ms));
    assert.equal(counter.take('k', 'p', 10, at(0)).allowed, true);
    assert.equal(counter.take('k', 'p', 10, at(100)).allowed, true);
    const third = counter.take('k', 'p', 10, at(200));
    assert.deepEqual(third, { used: 2, limit: 10, resetSeconds: 1, allowed: false });
    assert.equal(counter.take('k', 'p', 10, at(1000)).allowed, true, 'the next second has room again');
    const window = new UsageCounter(60, null);
    for (let i = 0; i < 3; i++) window.take('k', 'p', 3, at(i));
    const refused = window.take('k', 'p', 3, at(5));
    assert.equal(refused.allowed, false);
    assert.equal(refused.resetSeconds, 60);
  });
});
