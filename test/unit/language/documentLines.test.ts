import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

import { findBlocks, findSeparators, splitLines } from '../../../src/core/language/documentLines';
import { parseDocument } from '../../../src/core/parser/parseDocument';

const fixtures = path.join(__dirname, '../../fixtures/parser');

describe('documentLines agrees with the parser', () => {
  for (const name of fs.readdirSync(fixtures).filter((file) => file.startsWith('seed') && file.endsWith('.gwhttp'))) {
    it(`finds a block at the line where the parser starts the request (${name})`, () => {
      const text = fs.readFileSync(path.join(fixtures, name), 'utf8');
      const blockLines = new Set(findBlocks(splitLines(text)).map((block) => block.line));
      const requests = parseDocument(text).requests;
      assert.ok(requests.length > 0);
      for (const request of requests) assert.ok(blockLines.has(request.line), `no block at line ${request.line}`);
    });
  }

  it('reads block headings as the parser does: trailing colon, any level but ###', () => {
    const text = '## Address:\nhttp://127.0.0.1:9/a\n#### Method\nPOST\n#### Request headers:\nAccept: */*\n';
    const blocks = findBlocks(splitLines(text));
    assert.deepEqual(
      blocks.map((block) => [block.kind, block.line, block.endLine]),
      [
        ['address', 1, 2],
        ['method', 3, 4],
        ['headers', 5, 6],
      ],
    );
    assert.equal(parseDocument(text).requests[0]?.method, 'POST');
  });

  it('treats "#### Title" as a separator only in a file without block headings', () => {
    assert.deepEqual(findSeparators(splitLines('#### First\nGET http://a/\n#### Second\nGET http://b/\n')), [1, 3]);
    assert.deepEqual(findSeparators(splitLines('#### Address\nhttp://a/\n### \n#### Notes\n')), [3]);
  });
});
