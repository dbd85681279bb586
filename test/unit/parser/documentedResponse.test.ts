import assert from 'node:assert/strict';

import { isPlaceholderValue, statusChecks } from '../../../src/core/parser/documentedResponse';
import { parseDocument } from '../../../src/core/parser/parseDocument';

const doc = (...response: string[]) =>
  ['#### Address', '<pre><code>http://127.0.0.1/x', '</code></pre>', '', ...response, ''].join('\n');

describe('documented responses (block form)', () => {
  it('reads a status, a family, a span and a range as status checks', () => {
    assert.deepEqual(statusChecks('200'), ['status == 200']);
    assert.deepEqual(statusChecks('201 Created'), ['status == 201']);
    assert.deepEqual(statusChecks('2xx'), ['status >= 200', 'status < 300']);
    assert.deepEqual(statusChecks('200-299'), ['status >= 200', 'status <= 299']);
    assert.deepEqual(statusChecks('200 ≤ code < 300'), ['status >= 200', 'status < 300']);
    assert.deepEqual(statusChecks('200 <= status <= 204'), ['status >= 200', 'status <= 204']);
    assert.equal(statusChecks('code > 500'), null);
    assert.equal(statusChecks('OK'), null);
    assert.equal(statusChecks('700'), null);
  });

  it('takes the success row of a table of status ranges', () => {
    const { requests, diagnostics } = parseDocument(
      doc(
        '#### Response code',
        '| Response Code | Description |',
        '|---------|---------|',
        '| 300 ≤ code < 400 | Redirect |',
        '| 200 ≤ code < 300 | Success |',
        '| code > 500 | Server error |',
      ),
    );
    assert.deepEqual(diagnostics, []);
    assert.deepEqual(requests[0].assertions, [
      { text: 'status >= 200', line: 9, origin: 'documentation' },
      { text: 'status < 300', line: 9, origin: 'documentation' },
    ]);
  });

  it('checks documented header names, and values only where the value is not an example or a placeholder', () => {
    const { requests } = parseDocument(
      doc(
        '## Response',
        '#### Response header',
        '<pre><code>Content-Type: text/html; charset=UTF-8',
        'Date: Sun, 21 Sep 2017 06:46:04 GMT',
        'Set-Cookie:1P_JAR=2017; path=/',
        'X-Secret-ID:AKIDXXXXXXXX48pN',
        '// the key id',
        'X-RateLimit-Limit:500',
        'X-Trace: <trace id>',
        'X-Api-Version: 2',
        '</code></pre>',
      ),
    );
    assert.deepEqual(
      requests[0].assertions.map((assertion) => assertion.text),
      [
        'header Content-Type exists',
        'header X-Secret-ID exists',
        'header X-RateLimit-Limit == 500',
        'header X-Trace exists',
        'header X-Api-Version == 2',
      ],
    );
    assert.ok(requests[0].assertions.every((assertion) => assertion.origin === 'documentation'));
    assert.equal(isPlaceholderValue('AKIDCgXXXXXXXX48pN'), true);
    assert.equal(isPlaceholderValue('{id}'), true);
    assert.equal(isPlaceholderValue('500'), false);
  });

  it('warns at the line of a Response code that is not a status, and keeps the request', () => {
    const { requests, diagnostics } = parseDocument(
      doc('#### Response code', '<pre><code>OK, mostly', '</code></pre>'),
    );
    assert.equal(requests.length, 1);
    assert.deepEqual(requests[0].assertions, []);
    assert.equal(diagnostics.length, 1);
    assert.equal(diagnostics[0].severity, 'warning');
    assert.equal(diagnostics[0].code, 'documented-status-unreadable');
    assert.equal(diagnostics[0].line, 6);
    assert.match(diagnostics[0].message, /The Response code 'OK, mostly' is not a response status/);
  });

  it('does not read response headings in a file of the request-line form', () => {
    const { requests } = parseDocument('GET http://127.0.0.1/x\n\n#### Response code\n200\n');
    assert.deepEqual(requests[0]?.assertions ?? [], []);
  });
});
