import assert from 'node:assert/strict';

import { escapeXml, junitCases, junitReport } from '../../../src/cli/shared/junitReport';
import type { RunResult } from '../../../src/core/run/runTypes';

function result(fields: Partial<RunResult> & { status?: number | null }): RunResult {
  const { status = 200, ...rest } = fields;
  const response =
    status === null
      ? null
      : {
          status,
          statusText: status === 200 ? 'OK' : 'Not Found',
          headers: [],
          body: Buffer.alloc(0),
          bodyFile: null,
          bodyText: '',
          bodyTruncated: false,
          size: 0,
          encodedSize: 0,
          contentType: null,
          charset: 'utf-8',
          url: 'http://127.0.0.1/x',
          request: { method: 'GET', url: 'http://127.0.0.1/x', headers: [], body: null },
          redirects: [],
          timings: { dnsMs: 0, connectMs: 0, tlsMs: 0, firstByteMs: 1, downloadMs: 0, totalMs: 250 },
        };
  return {
    index: 0,
    name: null,
    location: { file: 'api.gwhttp', line: 3 },
    request: { method: 'GET', url: 'http://127.0.0.1/x', headers: [], body: null },
    signing: null,
    response,
    throttle: null,
    explanation: null,
    error: null,
    sentAt: null,
    warnings: [],
    assertions: [],
    ...rest,
  };
}

describe('JUnit report', () => {
  it('escapes markup and drops characters XML cannot hold', () => {
    assert.equal(escapeXml(`a<b>&"c"'d'\u0001\u0007e\ud800f😀`), 'a&lt;b&gt;&amp;&quot;c&quot;&apos;d&apos;ef😀');
  });

  it('has a case per assertion, or one per request without assertions', () => {
    const cases = junitCases([
      result({
        assertions: [
          { line: 4, text: 'status == 200', subject: 'status', passed: true, actual: '200', failure: null },
          {
            line: 5,
            text: 'body $.id == 8',
            subject: 'body',
            passed: false,
            actual: '7',
            failure: 'expected body $.id == 8, got 7',
          },
        ],
      }),
      result({ index: 1, name: 'missing', status: 404 }),
      result({
        index: 2,
        status: null,
        error: {
          code: 'network',
          message: 'Connection refused',
          hint: 'Is the server running?',
          location: { file: 'api.gwhttp', line: 9 },
          details: {},
        },
      }),
    ]);
    assert.deepEqual(
      cases.map((testCase) => [testCase.name, testCase.failure?.message ?? null]),
      [
        ['#0 GET http://127.0.0.1/x › status == 200', null],
        ['#0 GET http://127.0.0.1/x › body $.id == 8', 'expected body $.id == 8, got 7'],
        ['#1 missing GET http://127.0.0.1/x', 'HTTP 404 Not Found'],
        ['#2 GET http://127.0.0.1/x', 'Connection refused'],
      ],
    );
    assert.equal(cases[0].timeSeconds, 0.25);
    assert.equal(cases[0].classname, 'api.gwhttp:3');
  });

  it('writes a well-formed document with the counts', () => {
    const xml = junitReport([
      {
        name: 'api.gwhttp',
        cases: junitCases([
          result({
            assertions: [
              {
                line: 4,
                text: 'body $.name == <b>',
                subject: 'body',
                passed: false,
                actual: '"x"',
                failure: 'expected body $.name == <b>, got "x"',
              },
            ],
          }),
          result({ index: 1 }),
        ]),
      },
    ]);
    assert.ok(
      xml.startsWith(
        '<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="gwhttp" tests="2" failures="1" errors="0" time="0.500">\n',
      ),
    );
    assert.match(xml, /<testsuite name="api\.gwhttp" tests="2" failures="1" errors="0" skipped="0" time="0\.500">/);
    assert.match(
      xml,
      /<testcase name="#0 GET http:\/\/127\.0\.0\.1\/x › body \$\.name == &lt;b&gt;" classname="api\.gwhttp:3" file="api\.gwhttp" line="4" time="0\.250">\n {6}<failure message="expected body \$\.name == &lt;b&gt;, got &quot;x&quot;">line 4: \?\? body \$\.name == &lt;b&gt;\nactual: &quot;x&quot;<\/failure>\n {4}<\/testcase>/,
    );
    assert.match(
      xml,
      /<testcase name="#1 GET http:\/\/127\.0\.0\.1\/x" classname="api\.gwhttp:3" file="api\.gwhttp" line="3" time="0\.250"\/>/,
    );
    assert.ok(xml.endsWith('  </testsuite>\n</testsuites>\n'));
    assert.equal((xml.match(/</g) ?? []).length, (xml.match(/>/g) ?? []).length, 'every tag closes');
  });

  it('has a test suite per file and the totals over all of them', () => {
    const xml = junitReport([
      { name: 'a.gwhttp', cases: junitCases([result({})]) },
      { name: 'b.gwhttp', cases: junitCases([result({ status: 500 })]) },
    ]);
    assert.match(xml, /<testsuites name="gwhttp" tests="2" failures="1" /);
    assert.match(
      xml,
      /<testsuite name="a\.gwhttp" tests="1" failures="0" [^>]*>[\s\S]*<\/testsuite>\n {2}<testsuite name="b\.gwhttp" tests="1" failures="1" /,
    );
  });
});
