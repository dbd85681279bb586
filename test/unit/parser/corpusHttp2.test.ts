/**
 * The misreadings the second corpus (test/fixtures/corpus-http2, from ../shared/corpus/http2) showed,
 * each on the corpus file that shows it, read as the .http dialects read them (anchors.md §3).
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import type { ParsedDocument } from '../../../src/core/model/document';
import { parseDocument } from '../../../src/core/parser/parseDocument';

function parseCorpus(prefix: string): ParsedDocument {
  const dir = path.resolve(__dirname, '../../fixtures/corpus-http2');
  const name = readdirSync(dir).find((f) => f.startsWith(prefix));
  assert.ok(name, `no corpus file ${prefix}*`);
  return parseDocument(readFileSync(path.join(dir, name), 'utf8'));
}

const codes = (document: ParsedDocument) => document.diagnostics.map((d) => `${d.line}:${d.severity}:${d.code}`);

describe('parser: the second corpus', () => {
  it('drops a cut-short ` HTTP/1.` from the URL, with a warning (kong.http)', () => {
    const document = parseCorpus('08-');
    assert.deepEqual(
      document.requests.map((r) => r.url),
      ['http://localhost:8001/', 'http://localhost:8001/services', 'http://localhost:8001/upstreams'],
    );
    assert.deepEqual(codes(document), [
      '5:warning:incomplete-http-version',
      '8:warning:incomplete-http-version',
      '11:warning:incomplete-http-version',
    ]);
  });

  it('sends no body made of trailing comment lines (cyber-eye music.http)', () => {
    const document = parseCorpus('52-');
    const stream = document.requests[4];
    assert.equal(stream.url, 'http://192.168.1.17:8080/stream.h264');
    assert.equal(stream.body, null);
    assert.equal(stream.endLine, stream.line);
    // A line after the blank line that is not a comment is a body in every dialect.
    assert.equal(document.requests[0].body, 'Accept: application/json');
    assert.deepEqual(document.diagnostics, []);
  });

  it('leaves a comment block after the last request line out of the request (dapr Approvals)', () => {
    const document = parseCorpus('53-');
    const hosted = document.requests[1];
    assert.equal(hosted.url, '{{host}}/hosted-types');
    assert.equal(hosted.body, null);
    assert.equal(hosted.endLine, 7);
    assert.deepEqual(document.diagnostics, []);
  });

  it('keeps reading ?/& continuation lines across commented-out ones (cap-samples requests.http)', () => {
    const document = parseCorpus('29-SAP');
    const books = document.requests.find((r) => r.line === 19);
    assert.equal(books?.url, '{{server}}/browse/ListOfBooks?&$expand=genre');
    const authors = document.requests.find((r) => r.line === 28);
    assert.equal(authors?.url, '{{server}}/admin/Authors?');
    assert.deepEqual(
      authors?.headers.map((h) => [h.name, h.value, h.line]),
      [['Authorization', 'Basic alice:', 33]],
    );
  });

  it('reads a /* … */ licence header as a comment, not as GET /* (spring-ai-alibaba DeepResearch)', () => {
    const document = parseCorpus('21-');
    assert.equal(document.requests.length, 11);
    assert.deepEqual(
      document.requests.slice(0, 2).map((r) => [r.line, r.method, r.url]),
      [
        [19, 'POST', 'http://localhost:8080/chat/stream'],
        [23, 'POST', 'http://localhost:8080/chat/stream'],
      ],
    );
    assert.deepEqual(document.diagnostics, []);
  });
});

describe('parser: block comments and trailing comments', () => {
  it('reads block comments in the preamble and between headers, and keeps /* lines in a body', () => {
    const text =
      '/* a\n\n@x = 1\n*/\nPOST https://example.com/\n/* Accept: text/plain\n*/\nContent-Type: text/css\n\n/* kept */\nbody { }\n';
    const document = parseDocument(text);
    const [request] = document.requests;
    assert.deepEqual(document.variables, []);
    assert.equal(request.line, 5);
    assert.deepEqual(
      request.headers.map((h) => h.name),
      ['Content-Type'],
    );
    assert.equal(request.body, '/* kept */\nbody { }');
    assert.deepEqual(document.diagnostics, []);
  });

  it('ends an unclosed block comment at the next separator, with a warning', () => {
    const document = parseDocument('/* not closed\nGET https://example.com/a\n###\nGET https://example.com/b\n');
    assert.deepEqual(
      document.requests.map((r) => r.url),
      ['https://example.com/b'],
    );
    assert.deepEqual(codes(document), ['1:warning:unterminated-block-comment']);
  });

  it('keeps a comment line right under body text, and comment lines inside a body', () => {
    const text = 'POST https://example.com/\n\nkey: value\n# in the middle\nother: 1\n# last\n\n# trailing\n';
    const [request] = parseDocument(text).requests;
    assert.equal(request.body, 'key: value\n# in the middle\nother: 1\n# last');
  });
});
