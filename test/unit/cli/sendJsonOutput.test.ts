import assert from 'node:assert/strict';
import type { HttpResponse } from '../../../src/core/http/httpResponse';
import type { RunResult } from '../../../src/core/run/runTypes';
import { runResultJson, runResultJsonItem, runResultsJson, runResultsJsonDocument, runResultsJsonWriter } from '../../../src/cli/shared/runResultJson';

function result(index: number, bodyText: string, error: RunResult['error'] = null): RunResult {
  const request = { method: 'POST', url: `http://127.0.0.1:1/orders/${index}`, headers: [{ name: 'X-Note', value: 'a "quoted"\tvalue' }], body: new TextEncoder().encode('{"qty":2}\n') };
  const response = {
    status: 200, statusText: 'OK', headers: [{ name: 'Set-Cookie', value: 'a=1' }, { name: 'Set-Cookie', value: 'b=2' }],
    body: Buffer.from(bodyText), bodyFile: null, bodyText, bodyTruncated: false, size: Buffer.byteLength(bodyText), encodedSize: 0,
    contentType: 'application/json', charset: 'utf-8', url: request.url, request, redirects: [],
    timings: { dnsMs: 0, connectMs: 0.5, tlsMs: 0, firstByteMs: 1.25, downloadMs: 0.01, totalMs: 2 },
  } satisfies HttpResponse;
  return {
    index, name: index === 0 ? 'first' : null, location: { file: 'a.gwhttp', line: 1 + index }, request, signing: null, response,
    throttle: null, explanation: null, error, sentAt: new Date(0),
  };
}

const expected = (results: RunResult[]) => `${JSON.stringify({ results: results.map(runResultJson) }, null, 2)}\n`;

describe('gwhttp send --json output', () => {
  it('built item by item is the same text as stringifying all results at once', () => {
    const results = [
      result(0, '{\n  "multi": "line\\nbody",\n  "emoji": "✓ ü 😀"\n}'),
      result(1, '', { code: 'gatewayRejected', message: 'a.gwhttp:2: the gateway answered 401', hint: 'Check\nthe key.' }),
      result(2, '[]'),
    ];
    const text = runResultsJsonDocument(results.map(runResultJsonItem));
    assert.equal(text, expected(results));
    assert.equal(runResultsJson(results), expected(results));
    assert.equal((JSON.parse(text) as { results: unknown[] }).results.length, 3);
  });

  it('written result by result, the output is the same text', () => {
    const results = [result(0, '{"a":1}'), result(1, 'ü\n')];
    for (const count of [0, 1, 2]) {
      const writes: string[] = [];
      const writer = runResultsJsonWriter({ write: (chunk: string) => writes.push(chunk) } as unknown as NodeJS.WritableStream);
      results.slice(0, count).forEach((item) => writer.add(item));
      writer.end();
      assert.equal(writes.join(''), expected(results.slice(0, count)));
      assert.equal(writes.length, count + 1);
    }
  });

  it('one result and no results give the same text as JSON.stringify', () => {
    assert.equal(runResultsJsonDocument([runResultJsonItem(result(0, 'plain'))]), expected([result(0, 'plain')]));
    assert.equal(runResultsJsonDocument([]), expected([]));
  });
});
