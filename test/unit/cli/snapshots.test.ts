import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Writable } from 'node:stream';

import { runSend } from '../../../src/cli/commands/sendCommand';
import { systemClock } from '../../../src/core/ports';
import { type Loopback, startLoopback, tempDir } from '../http/loopback';

class Capture extends Writable {
  text = '';
  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: () => void): void {
    this.text += chunk.toString();
    callback();
  }
}

interface JsonResult {
  assertions: { assertion: string; passed: boolean; actual: string; failure: string | null; line: number }[];
}

async function send(dir: string, args: string[], env: Record<string, string> = {}) {
  const stdout = new Capture();
  const stderr = new Capture();
  const code = await runSend(['api.gwhttp', '--all', '--json', ...args], {
    stdout,
    stderr,
    env,
    cwd: dir,
    clock: systemClock,
  });
  assert.equal(stderr.text, '');
  return { code, results: (JSON.parse(stdout.text) as { results: JsonResult[] }).results };
}

const snapshotOf = (result: JsonResult) => result.assertions.find((a) => a.assertion.startsWith('snapshot '));

describe('response snapshots (# @expect-snapshot, --update-snapshots)', () => {
  let dir: string;
  let server: Loopback | undefined;
  /** What the server answers now: changed by the tests between runs. */
  let body: Record<string, unknown>;
  beforeEach(async () => {
    dir = tempDir();
    body = { id: 7, items: [{ sku: 'A-1', qty: 2 }], note: null };
    server = await startLoopback((_request, response) => {
      response.setHeader('Content-Type', 'application/json');
      response.setHeader('X-RateLimit-Limit', '500');
      response.end(JSON.stringify(body));
    });
    fs.writeFileSync(
      path.join(dir, 'api.gwhttp'),
      [
        '# @name order',
        '# @expect-snapshot',
        `GET ${server.url}/orders/7`,
        '',
        '###',
        `GET ${server.url}/plain`,
        '',
      ].join('\n'),
    );
  });
  afterEach(async () => {
    await server?.close();
    server = undefined;
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const snapText = () => fs.readFileSync(path.join(dir, 'api.gwhttp.snap'), 'utf8');

  it('records the first good response, then passes while only values change', async () => {
    const first = await send(dir, []);
    assert.equal(first.code, 0);
    assert.deepEqual(snapshotOf(first.results[0]), {
      line: 2,
      assertion: 'snapshot api.gwhttp.snap "order"',
      passed: true,
      actual: 'snapshot written',
      failure: null,
      origin: 'file',
    });
    assert.equal(snapshotOf(first.results[1]), undefined, 'a request without the directive has no snapshot');
    const text = snapText();
    assert.match(text, /\n== order\nstatus 200\nheader content-type\nheader x-ratelimit-limit\nbody \$ object\n/);
    assert.match(text, /\nbody \$\.items\[\*\]\.qty number\n/);
    assert.doesNotMatch(text, /header date|A-1|\b7\b/, 'no volatile header and no value');

    body = {
      id: 8,
      items: [
        { sku: 'B-2', qty: 5 },
        { sku: 'C-3', qty: 1 },
      ],
      note: null,
    };
    const again = await send(dir, []);
    assert.equal(again.code, 0);
    assert.equal(snapshotOf(again.results[0])?.actual, 'same shape');
    assert.equal(snapText(), text, 'a passing comparison leaves the file as it is');
  });

  it('fails with a readable diff when the shape changes, and --update-snapshots records the new one', async () => {
    await send(dir, []);
    body = { id: '7', items: [{ sku: 'A-1', qty: 2 }], note: null, extra: true };
    const changed = await send(dir, []);
    assert.equal(changed.code, 1);
    const check = snapshotOf(changed.results[0]);
    assert.equal(check?.passed, false);
    assert.equal(check?.actual, '3 lines differ');
    assert.match(
      check?.failure ?? '',
      /\(- snapshot, \+ now\):\n\+ body \$\.extra boolean\n- body \$\.id number\n\+ body \$\.id string\n/,
    );
    assert.match(check?.failure ?? '', /run gwhttp send --update-snapshots and commit api\.gwhttp\.snap/);

    const updated = await send(dir, ['--update-snapshots']);
    assert.equal(updated.code, 0);
    assert.equal(snapshotOf(updated.results[0])?.actual, 'snapshot updated');
    assert.match(snapText(), /body \$\.id string/);
    assert.equal((await send(dir, [])).code, 0);
  });

  it('does not record a missing snapshot in CI, nor a response that failed', async () => {
    const ci = await send(dir, [], { CI: 'true' });
    assert.equal(ci.code, 1);
    assert.match(
      snapshotOf(ci.results[0])?.failure ?? '',
      /has no snapshot of "order", and a CI run does not record one/,
    );
    assert.equal(fs.existsSync(path.join(dir, 'api.gwhttp.snap')), false);
    const failing = server!;
    await failing.close();
    server = await startLoopback((_request, response) => {
      response.statusCode = 500;
      response.end('{}');
    });
    fs.writeFileSync(path.join(dir, 'api.gwhttp'), `# @expect-snapshot\nGET ${server.url}/orders/7\n`);
    const bad = await send(dir, []);
    assert.match(snapshotOf(bad.results[0])?.failure ?? '', /did not pass its checks, so it is not recorded/);
    assert.equal(fs.existsSync(path.join(dir, 'api.gwhttp.snap')), false);
    await server.close();
    server = await startLoopback((_request, response) => response.end('{}'));
    fs.writeFileSync(path.join(dir, 'api.gwhttp'), `# @expect-snapshot\nGET ${server.url}/orders/7\n`);
    assert.equal((await send(dir, [], { CI: 'false' })).code, 0, 'CI=false is not CI');
  });

  it('says where an unreadable snapshot file is wrong, and the rest of the run goes on', async () => {
    fs.writeFileSync(path.join(dir, 'api.gwhttp.snap'), '# snapshots\n\n== order\nstatus 200\nthis is not a shape\n');
    const run = await send(dir, []);
    assert.equal(run.code, 1);
    const check = snapshotOf(run.results[0]);
    assert.equal(check?.passed, false);
    assert.match(
      check?.failure ?? '',
      /^cannot read the snapshot file api\.gwhttp\.snap:5: "this is not a shape" is not a snapshot line/,
    );
    assert.equal(run.results.length, 2, 'the second request was sent');
    assert.deepEqual(run.results[1].assertions, []);
  });
});
