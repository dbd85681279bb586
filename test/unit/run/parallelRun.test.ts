import assert from 'node:assert/strict';

import { parseDocument } from '../../../src/core/parser/parseDocument';
import { type Loopback, startLoopback } from '../http/loopback';
import { runText } from './runContext';

/** A server that answers each request after `delayMs(url)` and counts how many it holds at once. */
async function slowServer(delayMs: (url: string) => number) {
  const seen = { now: 0, most: 0, order: [] as string[] };
  const server = await startLoopback((request, response) => {
    seen.now++;
    seen.most = Math.max(seen.most, seen.now);
    const url = request.url ?? '';
    seen.order.push(url);
    setTimeout(() => {
      seen.now--;
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify({ token: `t-${url.slice(1)}` }));
    }, delayMs(url));
  });
  return { server, seen };
}

describe('parallel and repeated runs', () => {
  let server: Loopback | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('--parallel N runs up to N at a time and reports in file order; a chained request waits for its dependency', async () => {
    const slow = await slowServer((url) => (url.startsWith('/login') ? 300 : url === '/a0' ? 200 : 30));
    server = slow.server;
    const url = server.url;
    const text = [
      `GET ${url}/a0`,
      '###',
      '# @name login',
      `GET ${url}/login`,
      '###',
      `GET ${url}/me?t={{login.response.body.$.token}}`,
      ...Array.from({ length: 6 }, (_, i) => `###\nGET ${url}/b${i}`),
      '',
    ].join('\n');
    const started = Date.now();
    const { results } = await runText(text, null, {}, undefined, { parallel: 4 });
    const took = Date.now() - started;
    assert.deepEqual(
      results.map((result) => result.index),
      [0, 1, 2, 3, 4, 5, 6, 7, 8],
      'file order',
    );
    assert.ok(results.every((result) => result.response?.status === 200));
    assert.equal(results[2].request?.url, `${url}/me?t=t-login`, 'the chained request read its dependency');
    assert.equal(slow.seen.most, 4, 'never more than 4 at a time, and 4 were reached');
    const order = slow.seen.order;
    assert.ok(order.indexOf('/me?t=t-login') > order.indexOf('/b3'), 'others went on while /me waited for login');
    assert.ok(took < 900, `in parallel it takes about the slowest chain (login then /me), took ${took} ms`);
  });

  it('without --parallel the requests go one at a time, in order', async () => {
    const slow = await slowServer(() => 20);
    server = slow.server;
    const text = Array.from({ length: 4 }, (_, i) => `GET ${slow.server.url}/s${i}`).join('\n###\n');
    const { results } = await runText(text, null);
    assert.equal(slow.seen.most, 1);
    assert.deepEqual(slow.seen.order, ['/s0', '/s1', '/s2', '/s3']);
    assert.deepEqual(
      results.map((r) => r.index),
      [0, 1, 2, 3],
    );
  });

  it('--repeat N sends each chosen request N times with a count per result; # @repeat and # @parallel per request', async () => {
    const slow = await slowServer(() => 80);
    server = slow.server;
    const url = slow.server.url;
    const text = `GET ${url}/x\n###\n# @repeat 4\n# @parallel 4\nGET ${url}/y\n###\n# @name z\nGET ${url}/z\n`;
    const { results } = await runText(text, null, {}, undefined, { repeat: 2 });
    assert.deepEqual(
      results.map((r) => [r.index, r.repetition?.number, r.repetition?.of]),
      [
        [0, 1, 2],
        [0, 2, 2],
        [1, 1, 4],
        [1, 2, 4],
        [1, 3, 4],
        [1, 4, 4],
        [2, 1, 2],
        [2, 2, 2],
      ],
    );
    assert.equal(slow.seen.order.filter((u) => u === '/y').length, 4, '# @repeat 4 beats --repeat 2');
    assert.equal(slow.seen.most, 4, 'the four /y ran together (their own # @parallel 4), the rest one at a time');
  });

  it('# @repeat and # @parallel before the first ### apply to the whole file; bad values are warned about', async () => {
    const slow = await slowServer(() => 60);
    server = slow.server;
    const url = slow.server.url;
    const text = `# @repeat 2\n# @parallel 3\n\n###\nGET ${url}/f0\n###\nGET ${url}/f1\n###\n# @repeat 1\nGET ${url}/f2\n`;
    const document = parseDocument(text);
    assert.deepEqual(
      document.fileDirectives?.map((d) => [d.key, d.value]),
      [
        ['repeat', '2'],
        ['parallel', '3'],
      ],
    );
    assert.deepEqual(document.diagnostics, [], 'a file preamble of directives is not "a directive without a request"');
    const { results } = await runText(text, null);
    assert.deepEqual(
      results.map((r) => `${r.index}${r.repetition ? `:${r.repetition.number}/${r.repetition.of}` : ''}`),
      ['0:1/2', '0:2/2', '1:1/2', '1:2/2', '2'],
    );
    assert.equal(slow.seen.most, 3);
    const warned = parseDocument(`# @repeat many\n# @parallel 0\nGET ${url}/x\n`).diagnostics.map((d) => d.code);
    assert.deepEqual(warned, ['invalid-repeat', 'invalid-parallel']);
  });
});
