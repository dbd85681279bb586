/**
 * Bad input: binary bytes, a 50 MB file, only separators, CR / CRLF / mixed line ends, an unterminated
 * `{{`, a header without a colon, an unknown method, an empty block heading, a BOM. Each gives
 * diagnostics with lines (never an exception) and leaves the other requests in the file intact.
 */
import assert from 'node:assert/strict';

import type { ParsedDocument } from '../../../src/core/model/document';
import { parseDocument } from '../../../src/core/parser/parseDocument';
import { toParseJson } from '../../../src/core/parser/toParseJson';
import { checkInvariants } from './checkInvariants';

const good = 'GET https://example.com/before\nAccept: application/json\n\n###\n';
const tail = '\n###\nPOST https://example.com/after\nContent-Type: text/plain\n\nstill here\n';

function parseChecked(text: string): ParsedDocument {
  const document = parseDocument(text);
  checkInvariants(text, document);
  return document;
}

/** The requests around the bad part are parsed exactly as if it were not there. */
function assertNeighboursIntact(document: ParsedDocument): void {
  const before = document.requests.find((r) => r.url === 'https://example.com/before');
  const after = document.requests.find((r) => r.url === 'https://example.com/after');
  assert.ok(before && after, 'a neighbouring request was lost');
  assert.deepEqual(
    before.headers.map((h) => [h.name, h.value]),
    [['Accept', 'application/json']],
  );
  assert.equal(after.method, 'POST');
  assert.equal(after.body, 'still here');
}

function codes(document: ParsedDocument): string[] {
  return document.diagnostics.map((d) => `${d.line}:${d.severity}:${d.code}`);
}

describe('parser: bad input', function () {
  // The 50 MB cases take a few seconds on a loaded machine (this is not a speed test).
  this.timeout(120_000);

  it('survives binary bytes and keeps the requests around them', () => {
    const bytes = Buffer.alloc(4096);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 131 + 7) % 256;
    const binary = bytes.toString('utf8').replace(/#/g, '');
    const document = parseChecked(good + binary + tail);
    assertNeighboursIntact(document);
    assert.ok(document.diagnostics.every((d) => d.line >= 1));
  });

  it('parses a 50 MB file and returns', () => {
    const body = `{"name": "item", "pad": "${'x'.repeat(400)}"}`;
    const block = `### Item\nPOST https://example.com/items\nContent-Type: application/json\nX-Trace: {{trace}}\n\n${body}\n\n`;
    const count = Math.ceil((50 * 1024 * 1024) / block.length);
    const text = block.repeat(count);
    assert.ok(text.length >= 50 * 1024 * 1024);
    const document = parseDocument(text);
    assert.equal(document.requests.length, count);
    assert.deepEqual(document.diagnostics, []);
    const last = document.requests[count - 1];
    assert.equal(last.line, (count - 1) * 7 + 2);
    assert.equal(last.body, body);
  });

  it('parses a 50 MB single line and returns', () => {
    const document = parseDocument(`GET https://example.com/${'a{{'.repeat(17 * 1024 * 1024)}`);
    assert.equal(document.requests.length, 1);
    assert.deepEqual(codes(document), ['1:error:unterminated-variable']);
  });

  it('gives nothing for a file of only separators', () => {
    for (const text of ['###', '###\n###\n', '####\n### a\n#####\n'.repeat(5000), '\n\n###\n\n']) {
      const document = parseChecked(text);
      assert.deepEqual(document, { requests: [], variables: [], diagnostics: [] });
    }
  });

  it('reads LF, CRLF, lone CR and mixed line ends the same way', () => {
    const lines = [
      '@host = example.com',
      '### One',
      '# @name one',
      'POST https://{{host}}/one',
      'Content-Type: application/json',
      '',
      '{',
      '  "a": 1',
      '}',
      '###',
      'GET https://{{host}}/two',
      '  ?page=2',
    ];
    const lf = parseDocument(lines.join('\n'));
    for (const text of [
      lines.join('\r\n'),
      lines.join('\r'),
      lines.map((l, i) => l + ['\n', '\r\n', '\r'][i % 3]).join(''),
    ]) {
      const other = parseChecked(text);
      assert.deepEqual(toParseJson('f', other), toParseJson('f', lf));
    }
    assert.equal(lf.requests[0].body, '{\n  "a": 1\n}');
    assert.equal(lf.requests[1].url, 'https://{{host}}/two?page=2');
    assert.equal(lf.requests[1].line, 11);
  });

  it('reports an unterminated {{ with its line and column', () => {
    const document = parseChecked(`${good}GET https://{{host/x\nX-A: {{a}} and {{b\n${tail}`);
    const found = document.diagnostics.filter((d) => d.code === 'unterminated-variable');
    assert.deepEqual(
      found.map((d) => [d.line, d.severity, d.column]),
      [
        [5, 'error', 12],
        [6, 'error', 15],
      ],
    );
    assert.match(found[0].message, /close the variable with '\}\}'/);
    assertNeighboursIntact(document);
  });

  it('reports a header line without a colon and keeps the other headers', () => {
    const document = parseChecked(
      `${good}GET https://example.com/mid\nX-Good: 1\nNoColonHere\nX-Also-Good: 2\n${tail}`,
    );
    assert.deepEqual(codes(document), ['7:error:header-without-colon']);
    const mid = document.requests.find((r) => r.url === 'https://example.com/mid');
    assert.deepEqual(
      mid?.headers.map((h) => h.name),
      ['X-Good', 'X-Also-Good'],
    );
    assertNeighboursIntact(document);
  });

  it('warns about an unknown method and keeps it as written', () => {
    const document = parseChecked(`${good}FROB https://example.com/mid\n${tail}`);
    assert.deepEqual(codes(document), ['5:warning:unknown-method']);
    assert.equal(document.requests[1].method, 'FROB');
    assertNeighboursIntact(document);
  });

  it('reports block headings with nothing under them', () => {
    const document = parseChecked(
      `${good}#### Address\n#### Method\n\n###\n#### Address\nhttps://example.com/x\n#### Request header\n${tail}`,
    );
    assert.deepEqual(codes(document), ['5:error:empty-block', '6:warning:empty-block', '11:warning:empty-block']);
    assert.ok(document.requests.some((r) => r.url === 'https://example.com/x' && r.form === 'block'));
    assertNeighboursIntact(document);
  });

  it('drops a BOM and keeps line numbers', () => {
    const document = parseChecked('\uFEFF### Title\nGET https://example.com/bom\n');
    assert.equal(document.requests[0].title, 'Title');
    assert.equal(document.requests[0].url, 'https://example.com/bom');
    assert.equal(document.requests[0].line, 2);
    assert.equal(parseChecked('\uFEFFGET https://example.com/a').requests[0].method, 'GET');
  });

  it('never throws on values that are not strings', () => {
    for (const value of [undefined, null, 42, {}]) {
      assert.deepEqual(parseDocument(value as unknown as string), { requests: [], variables: [], diagnostics: [] });
    }
  });
});
