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
});
