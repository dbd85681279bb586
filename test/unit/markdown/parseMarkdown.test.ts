/**
 * Markdown request files: fenced ```http / ```rest / ```gwhttp blocks and gateway doc samples are read
 * as requests with the Markdown file's line numbers; nothing else in the document is read.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import fc from 'fast-check';

import { parseMarkdown } from '../../../src/core/markdown/parseMarkdown';

const fixtures = path.resolve(__dirname, '../../fixtures/markdown');
const read = (name: string) => readFileSync(path.join(fixtures, name), 'utf8');
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((line) => line.startsWith(needle)) + 1;

describe('parseMarkdown', () => {
  it('reads every fenced block whose info string is http, rest or gwhttp, at its own line', () => {
    const markdown = [
      '# Orders API', // 1
      '',
      '```http', // 3
      'GET http://127.0.0.1/orders', // 4
      'Accept: application/json',
      '```',
      'Some prose: GET http://example.invalid/not-a-request',
      '~~~rest title="two"', // 8
      'POST http://127.0.0.1/orders', // 9
      '',
      '{"sku": "A-1"}',
      '~~~',
      '```json',
      '{"GET": "http://127.0.0.1/ignored"}',
      '```',
      '```GWHTTP',
      '@id = 7', // 17
      'DELETE http://127.0.0.1/orders/{{id}}', // 18
      '```',
    ].join('\n');
    const { document } = parseMarkdown(markdown);
    assert.deepEqual(
      document.requests.map((r) => [r.line, r.method, r.url]),
      [
        [4, 'GET', 'http://127.0.0.1/orders'],
        [9, 'POST', 'http://127.0.0.1/orders'],
        [18, 'DELETE', 'http://127.0.0.1/orders/{{id}}'],
      ],
    );
    assert.deepEqual(document.requests[0].headers, [{ name: 'Accept', value: 'application/json', line: 5 }]);
    assert.equal(document.requests[1].body, '{"sku": "A-1"}');
    assert.deepEqual(document.variables, [{ name: 'id', value: '7', line: 17 }]);
    assert.deepEqual(document.diagnostics, []);
  });

  it('keeps ### separators inside a block, and a longer fence may hold ``` lines', () => {
    const markdown = ['````http', 'GET http://a.test/1', '', '### second', 'GET http://a.test/2', '```', '````'].join(
      '\n',
    );
    const { document } = parseMarkdown(markdown);
    assert.deepEqual(
      document.requests.map((r) => [r.line, r.url, r.title]),
      [
        [2, 'http://a.test/1', null],
        [5, 'http://a.test/2', 'second'],
      ],
    );
  });

  it('reads nothing and reports nothing outside request blocks', () => {
    const markdown = [
      '@host = example.invalid',
      '### Not a separator here',
      '# @sign tencent-keypair',
      'GET http://example.invalid/',
      'Authorization: hmac id="AKIDxxxx", algorithm="hmac-sha1", headers="date", signature="x"',
      '```http GET http://inline.invalid/ ```',
      '    GET http://indented-code.invalid/',
      '```markdown',
      '#### Address',
      'http://inside-a-markdown-fence.invalid/',
      '```',
    ].join('\n');
    const parsed = parseMarkdown(markdown);
    assert.deepEqual(parsed.document.requests, []);
    assert.deepEqual(parsed.document.variables, []);
    assert.deepEqual(parsed.document.diagnostics, []);
    assert.equal(parsed.text.split('\n').length, markdown.split('\n').length);
    assert.equal(parsed.text.trim(), '');
  });

  it('reads the seed pages as Markdown: one signed POST at the #### Address line, nothing from the response', () => {
    for (const name of ['seed-keypair-doc.md', 'seed-keypair-sample.md']) {
      const markdown = read(name);
      const { document } = parseMarkdown(markdown);
      assert.equal(document.requests.length, 1, name);
      const [request] = document.requests;
      assert.equal(request.line, lineOf(markdown, '#### Address'), name);
      assert.equal(request.method, 'POST');
      assert.match(request.url, /^http:\/\/service-.*\.apigateway\.myqcloud\.com\/release$/);
      assert.equal(request.headers.length, 13, name);
      assert.match(request.headers.find((h) => h.name === 'Authorization')?.value ?? '', /^hmac id=/);
      assert.equal(request.body, 'QueryParam_a=value1&QueryParam_b=value2');
      assert.deepEqual(document.diagnostics, [], name);
    }
  });

  it('reads a sample whose block headings are ### or # headings, with ``` wrappers', () => {
    const markdown = [
      '## Call it', // 1
      '### Address', // 2
      '```',
      'http://127.0.0.1:9/release/orders',
      '```',
      '### Method',
      '```http',
      'PUT',
      '```',
      '# Request headers',
      '```',
      'Content-Type: text/plain',
      '```',
      '## Response', // 14
      '### Headers',
      '```',
      'Server: x',
      '```',
    ].join('\n');
    const { document } = parseMarkdown(markdown);
    assert.deepEqual(
      document.requests.map((r) => [r.line, r.method, r.url, r.headers.map((h) => h.name)]),
      [[2, 'PUT', 'http://127.0.0.1:9/release/orders', ['Content-Type']]],
    );
  });

  it('an unterminated fence: a warning at its opening line naming the end, the requests in it kept', () => {
    const markdown = ['Intro', '```http', 'GET http://a.test/1', '', '###', 'GET http://a.test/2'].join('\n');
    const { document } = parseMarkdown(markdown);
    assert.deepEqual(
      document.requests.map((r) => r.url),
      ['http://a.test/1', 'http://a.test/2'],
    );
    const [warning] = document.diagnostics;
    assert.equal(document.diagnostics.length, 1);
    assert.equal(warning.line, 2);
    assert.equal(warning.severity, 'warning');
    assert.equal(warning.code, 'unterminated-fence');
    assert.match(warning.message, /no closing ``` line/);
    assert.match(warning.message, /end of the file \(line 6\)/);
  });

  it('diagnostics of a bad request block stay on its lines', () => {
    const markdown = ['Prose', '', '```http', 'GET http://a.test/', 'Header without colon', '```', 'More prose'].join(
      '\n',
    );
    const { document } = parseMarkdown(markdown);
    assert.ok(document.diagnostics.length > 0);
    for (const diagnostic of document.diagnostics) assert.ok(diagnostic.line >= 4 && diagnostic.line <= 5);
  });

  it('parses the Markdown corpus (4 real files) without a crash, every request at a line of a fenced block', () => {
    const files = readdirSync(fixtures).filter((f) => /^md\d+-.*\.md$/.test(f));
    assert.equal(files.length, 4);
    let total = 0;
    for (const file of files) {
      const markdown = read(file);
      const lines = markdown.split(/\r?\n/);
      const { document } = parseMarkdown(markdown);
      assert.ok(document.requests.length > 0, file);
      assert.ok(!document.diagnostics.some((d) => d.code === 'parser-bug'), file);
      for (const request of document.requests) {
        assert.ok(lines[request.line - 1].trimStart().startsWith(request.method), `${file}:${request.line}`);
      }
      total += document.requests.length;
    }
    assert.equal(total, 8);
  });

  it('given the previous result, returns it when only prose changed, and parses again when a block did', () => {
    const before = 'Prose one\n\n```http\nGET http://a.test/1\n```\nProse two\n';
    const first = parseMarkdown(before);
    const proseEdited = parseMarkdown(before.replace('Prose two', 'Prose two, longer'), first);
    assert.equal(proseEdited, first);
    const blockEdited = parseMarkdown(before.replace('/1', '/2'), first);
    assert.notEqual(blockEdited, first);
    assert.equal(blockEdited.document.requests[0].url, 'http://a.test/2');
    const lineAdded = parseMarkdown(`\n${before}`, first);
    assert.equal(lineAdded.document.requests[0].line, 5);
  });

  it('an unterminated fence whose marker changes is reported anew even when the blocks read the same', () => {
    const first = parseMarkdown('```http\nGET http://a.test/1\n');
    const longer = parseMarkdown('````http\nGET http://a.test/1\n', first);
    assert.notEqual(longer, first);
    assert.match(longer.document.diagnostics[0].message, /This ````http block has no closing ```` line/);
  });

  it('never throws, and keeps the line count, on random Markdown built from fences, headings and requests', () => {
    const piece = fc.constantFrom(
      '```http',
      '```',
      '~~~rest',
      '````',
      '#### Address',
      '### Method',
      '## Request headers',
      '<pre><code>POST',
      '</code></pre>',
      'GET http://a.test/',
      'Content-Type: x',
      '# @sign tencent-keypair id=AKIDx',
      '',
      'prose',
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(piece, fc.string()), { maxLength: 40 }), (lines) => {
        const markdown = lines.join('\n');
        const parsed = parseMarkdown(markdown);
        assert.equal(parsed.text.split('\n').length, markdown.split(/\r\n|\r|\n/).length);
        for (const request of parsed.document.requests) assert.ok(request.line <= lines.length);
      }),
      { numRuns: 500 },
    );
  });
});
