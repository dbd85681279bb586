import assert from 'node:assert/strict';

import { runResultJson, runResultsJson, runResultsJsonDocument } from '../../../src/cli/shared/runResultJson';
import type { HttpResponse } from '../../../src/core/http/httpResponse';
import type { RunResult } from '../../../src/core/run/runTypes';

function result(index: number, bodyText: string, error: RunResult['error'] = null): RunResult {
  const request = {
    method: 'POST',
    url: `http://127.0.0.1:1/orders/${index}`,
    headers: [{ name: 'X-Note', value: 'a "quoted"\tvalue' }],
    body: new TextEncoder().encode('{"qty":2}\n'),
  };
  const response = {
    status: 200,
    statusText: 'OK',
    headers: [
      { name: 'Set-Cookie', value: 'a=1' },
      { name: 'Set-Cookie', value: 'b=2' },
    ],
    body: Buffer.from(bodyText),
    bodyFile: null,
    bodyText,
    bodyTruncated: false,
    size: Buffer.byteLength(bodyText),
    encodedSize: 0,
    contentType: 'application/json',
    charset: 'utf-8',
    url: request.url,
    request,
    redirects: [],
    timings: { dnsMs: 0, connectMs: 0.5, tlsMs: 0, firstByteMs: 1.25, downloadMs: 0.01, totalMs: 2 },
  } satisfies HttpResponse;
  return {
    index,
    name: index === 0 ? 'first' : null,
    location: { file: 'a.gwhttp', line: 1 + index },
    request,
    signing: null,
    response,
    throttle: null,
    explanation: null,
    error,
    sentAt: new Date(0),
    warnings: index === 1 ? ['The quota is nearly used up.'] : [],
    assertions: [],
  };
}

describe('gwhttp send --json output', () => {
  it('kept as reduced results, the document is the indented JSON of the results with a final newline', () => {
    const results = [
      result(0, '{\n  "multi": "line\\nbody",\n  "emoji": "✓ ü 😀"\n}'),
      result(1, '', {
        code: 'gatewayRejected',
        message: 'the gateway answered 401',
        hint: 'Check\nthe key.',
        location: { file: 'a.gwhttp', line: 2 },
        details: {},
      }),
    ];
    const text = runResultsJsonDocument(results.map((result) => runResultJson(result)));
    assert.equal(text, runResultsJson(results));
    assert.ok(text.startsWith('{\n  "results": [\n    {\n      "index": 0,\n'));
    assert.ok(text.endsWith('\n  ],\n  "quota": []\n}\n'), 'the per-key quota summary (empty here) ends the document');
    const parsed = JSON.parse(text) as {
      results: {
        name: string | null;
        request: { body: string };
        response: { body: string };
        error: { hint: string } | null;
      }[];
    };
    assert.equal(parsed.results[0].name, 'first');
    assert.equal(parsed.results[0].request.body, '{"qty":2}\n');
    assert.equal(parsed.results[0].response.body, results[0].response?.bodyText);
    assert.equal(parsed.results[1].error?.hint, 'Check\nthe key.');
    assert.deepEqual(
      (JSON.parse(text) as { results: { warnings: string[] }[] }).results.map((entry) => entry.warnings),
      [[], ['The quota is nearly used up.']],
    );
  });

  it('no results give empty lists', () => {
    assert.equal(runResultsJsonDocument([]), '{\n  "results": [],\n  "quota": []\n}\n');
  });
});
