import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Writable } from 'node:stream';

import { runSend } from '../../../src/cli/commands/sendCommand';
import { type MockGateway, startMockGateway } from '../../../src/cli/mockGateway/startMockGateway';
import { systemClock } from '../../../src/core/ports';
import { secretEnvVarName } from '../../../src/core/secrets/secretEnvVarName';
import { type Loopback, startLoopback, tempDir } from '../http/loopback';

class Capture extends Writable {
  text = '';
  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: () => void): void {
    this.text += chunk.toString();
    callback();
  }
}

const keyId = 'AKIDpacedTest00000000000000000001';
const secret = 'paced-test-secret';

async function send(dir: string, args: string[], signal?: AbortSignal) {
  const stdout = new Capture();
  const stderr = new Capture();
  const env = { [secretEnvVarName(keyId)]: secret };
  const started = Date.now();
  const code = await runSend(args, { stdout, stderr, env, cwd: dir, clock: systemClock, signal });
  return { code, stdout: stdout.text, stderr: stderr.text, ms: Date.now() - started };
}

interface Results {
  results: { response: { status: number } | null; error: { code: string } | null; waits?: number }[];
  quota: { throttled: number; peak: number | null; waits: number }[];
  budgetStop?: Record<string, unknown>;
}

const signedRequests = (url: string, count: number) =>
  Array.from(
    { length: count },
    (_, index) => `### call ${index}\n# @sign tencent-keypair id=${keyId}\nGET ${url}/release/items/${index}\n`,
  ).join('\n');

describe('paced runs and the quota budget (gwhttp send --pace, --quota-budget)', () => {
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

  it('a paced run of more requests than the window allows gets no 429 and takes the windows it needs; unpaced gets 429s', async () => {
    gateway = await startMockGateway({ keys: [{ id: keyId, secret, usagePlanId: 'plan-p', limit: 3 }], window: 1 });
    fs.writeFileSync(path.join(dir, 'p.gwhttp'), signedRequests(gateway.url, 7));
    const paced = await send(dir, ['p.gwhttp', '--pace', '--parallel', '4', '--json']);
    const document = JSON.parse(paced.stdout) as Results;
    assert.equal(paced.code, 0, paced.stderr);
    assert.deepEqual(
      document.results.map((result) => result.response?.status),
      [200, 200, 200, 200, 200, 200, 200],
    );
    assert.equal(document.quota[0].throttled, 0);
    assert.equal(document.quota[0].peak, 3);
    assert.ok(document.quota[0].waits >= 2, `waited for at least two windows: ${document.quota[0].waits}`);
    // 7 sends at 3 per 1 s window span at least three windows: more than one second, well under five.
    assert.ok(paced.ms > 1000 && paced.ms < 5000, `took ${paced.ms} ms`);

    await gateway.close();
    gateway = await startMockGateway({ keys: [{ id: keyId, secret, usagePlanId: 'plan-p', limit: 3 }], window: 60 });
    fs.writeFileSync(path.join(dir, 'p.gwhttp'), signedRequests(gateway.url, 5));
    const unpaced = JSON.parse((await send(dir, ['p.gwhttp', '--json'])).stdout) as Results;
    assert.deepEqual(
      unpaced.results.map((result) => result.response?.status),
      [200, 200, 200, 429, 429],
    );
  });

  it('paces by X-RateLimit-Remaining/Reset and sends a 429 again after its Retry-After; no pacing when nothing is reported', async () => {
    const windowMs = 1000;
    let windowStart = Date.now();
    let used = 0;
    let refused = 0;
    server = await startLoopback((request, response) => {
      const now = Date.now();
      if (request.url?.startsWith('/plain')) return response.end('{}');
      if (now - windowStart >= windowMs) [windowStart, used] = [now, 0];
      const reset = String(Math.ceil((windowStart + windowMs - now) / 1000));
      const forcedRefusal = request.url === '/r/0' && refused === 0;
      if (used >= 2 || forcedRefusal) {
        refused++;
        response.writeHead(429, { 'retry-after': reset, 'x-ratelimit-limit': '2', 'x-ratelimit-remaining': '0' });
        return response.end('{}');
      }
      used++;
      response.writeHead(200, {
        'x-ratelimit-limit': '2',
        'x-ratelimit-remaining': String(2 - used),
        'x-ratelimit-reset': reset,
      });
      response.end('{}');
    });
    const requests = (prefix: string, count: number) =>
      Array.from({ length: count }, (_, i) => `GET ${server!.url}/${prefix}/${i}`).join('\n###\n');
    fs.writeFileSync(path.join(dir, 'r.gwhttp'), requests('r', 5));
    const run = await send(dir, ['r.gwhttp', '--pace', '--parallel', '3', '--json']);
    const document = JSON.parse(run.stdout) as Results;
    assert.equal(run.code, 0, run.stderr);
    assert.equal(refused, 1, 'only the forced first refusal: pacing kept the others under the window');
    assert.ok((document.results[0].waits ?? 0) >= 1, 'the 429 was waited for');
    assert.equal(server.received.filter((r) => r.url === '/r/0').length, 2, 'and sent again');
    assert.ok(document.results.every((result) => result.response?.status === 200));

    fs.writeFileSync(path.join(dir, 'plain.gwhttp'), requests('plain', 6));
    const plain = await send(dir, ['plain.gwhttp', '--pace', '--parallel', '3', '--json']);
    const quiet = JSON.parse(plain.stdout) as Results;
    assert.equal(plain.code, 0);
    assert.ok(quiet.results.every((result) => result.waits === undefined));
    assert.ok(plain.ms < 1000, `no waits when the server reports nothing (${plain.ms} ms)`);
  });

  it('--quota-budget stops the run at the right request with exit 3 and a line naming key, plan and figures', async () => {
    gateway = await startMockGateway({ keys: [{ id: keyId, secret, usagePlanId: 'plan-b', limit: 10 }] });
    fs.writeFileSync(path.join(dir, 'b.gwhttp'), signedRequests(gateway.url, 8));
    const share = await send(dir, ['b.gwhttp', '--quota-budget', '50%', '--parallel', '4', '--json']);
    assert.equal(share.code, 3, share.stderr);
    const document = JSON.parse(share.stdout) as Results;
    assert.equal(document.results.length, 5, 'five sends fit in 50% of 10');
    assert.equal(
      share.stderr,
      `gwhttp: stopped at the quota budget: key ${keyId} · plan plan-b has used 5 of 10 (budget 50% = 5); the next send would exceed it, so the rest of the run was not sent.\n`,
    );
    assert.deepEqual(document.budgetStop, {
      keyId,
      usagePlanId: 'plan-b',
      used: 5,
      limit: 10,
      ceiling: 5,
      budget: { kind: 'percent', value: 50 },
    });
    // The budget is the plan's reported use, not the run's share: the next run starts at 5 and stops at 7.
    const count = await send(dir, ['b.gwhttp', '--quota-budget', '7']);
    assert.equal(count.code, 3);
    assert.equal((count.stdout.match(/^#\d+ /gm) ?? []).length, 2);
    assert.match(count.stderr, /has used 7 of 10 \(budget 7\)/);
    const bad = await send(dir, ['b.gwhttp', '--quota-budget', '120%']);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--quota-budget needs a share like 20% or a count like 150, got "120%"/);
  });

  it('cancelling during a paced wait stops at once', async () => {
    gateway = await startMockGateway({ keys: [{ id: keyId, secret, usagePlanId: 'plan-c', limit: 2 }], window: 60 });
    fs.writeFileSync(path.join(dir, 'c.gwhttp'), signedRequests(gateway.url, 4));
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 400);
    const run = await send(dir, ['c.gwhttp', '--pace', '--json'], controller.signal);
    const document = JSON.parse(run.stdout) as Results;
    assert.ok(run.ms < 1500, `stopped at once, not after the window (${run.ms} ms)`);
    assert.deepEqual(
      document.results.map((result) => result.response?.status ?? result.error?.code),
      [200, 200, 'aborted'],
    );
  });

  it('--parallel keeps the human output, --json and JUnit in file order, with --repeat counted per result', async () => {
    server = await startLoopback((request, response) => {
      // The first requests answer last: in parallel they finish out of order.
      const index = Number(/\/o\/(\d+)/.exec(request.url ?? '')?.[1] ?? 0);
      setTimeout(() => response.end('{}'), (4 - index) * 40);
    });
    const text = Array.from({ length: 4 }, (_, i) => `GET ${server!.url}/o/${i}`).join('\n###\n');
    fs.writeFileSync(path.join(dir, 'o.gwhttp'), text);
    const run = await send(dir, ['o.gwhttp', '--parallel', '4', '--repeat', '2', '--junit', 'o.xml']);
    assert.equal(run.code, 0, run.stderr);
    const headings = run.stdout.match(/^#\d+ \[\d\/2\] GET \S+/gm) ?? [];
    assert.deepEqual(
      headings.map((line) => line.replace(/ GET http:\/\/127\.0\.0\.1:\d+/, ' ')),
      [
        '#0 [1/2] /o/0',
        '#0 [2/2] /o/0',
        '#1 [1/2] /o/1',
        '#1 [2/2] /o/1',
        '#2 [1/2] /o/2',
        '#2 [2/2] /o/2',
        '#3 [1/2] /o/3',
        '#3 [2/2] /o/3',
      ],
    );
    const cases = fs.readFileSync(path.join(dir, 'o.xml'), 'utf8').match(/<testcase name="[^"]*"/g) ?? [];
    assert.deepEqual(
      cases.map((name) => /#\d \[\d\/2\]/.exec(name)?.[0]),
      ['#0 [1/2]', '#0 [2/2]', '#1 [1/2]', '#1 [2/2]', '#2 [1/2]', '#2 [2/2]', '#3 [1/2]', '#3 [2/2]'],
    );
    const json = JSON.parse((await send(dir, ['o.gwhttp', '--parallel', '4', '--json'])).stdout) as {
      results: { index: number }[];
    };
    assert.deepEqual(
      json.results.map((result) => result.index),
      [0, 1, 2, 3],
    );
  });
});
