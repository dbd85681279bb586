import assert from 'node:assert/strict';

import { parseRequestFile } from '../../../src/core/files/parseRequestFile';
import { isFolderRequestFile, requestFileKind } from '../../../src/core/files/requestFileKind';

describe('requestFileKind', () => {
  it('names the kind by the extension, case-insensitively, and null for other files', () => {
    assert.equal(requestFileKind('a/b/orders.gwhttp'), 'gwhttp');
    assert.equal(requestFileKind('orders.HTTP'), 'http');
    assert.equal(requestFileKind('C:\\api\\orders.rest'), 'http');
    assert.equal(requestFileKind('README.md'), 'markdown');
    assert.equal(requestFileKind('docs/page.markdown'), 'markdown');
    assert.equal(requestFileKind('notes.txt'), null);
    assert.equal(requestFileKind('.http'), null);
    assert.equal(requestFileKind('dir.md/file'), null);
  });

  it('a folder stands for request files, and Markdown only when asked', () => {
    assert.deepEqual(
      ['a.gwhttp', 'b.http', 'c.rest', 'd.md', 'e.txt'].filter((name) => isFolderRequestFile(name, false)),
      ['a.gwhttp', 'b.http', 'c.rest'],
    );
    assert.equal(isFolderRequestFile('d.md', true), true);
  });

  it('parseRequestFile reads Markdown by its blocks and any other file as a request file', () => {
    const text = 'GET http://a.test/1\n\n```http\nGET http://a.test/2\n```\n';
    assert.deepEqual(
      parseRequestFile('x.md', text).document.requests.map((r) => [r.line, r.url]),
      [[4, 'http://a.test/2']],
    );
    assert.equal(parseRequestFile('x.http', text).document.requests[0].url, 'http://a.test/1');
    assert.equal(parseRequestFile('x.http', text).text, text);
  });
});
