import assert from 'node:assert/strict';

import { blankRequest } from '../../../src/core/import/importTypes';
import { renderRequestFile } from '../../../src/core/import/renderRequestFile';
import { parseDocument } from '../../../src/core/parser/parseDocument';

describe('import: writing the request file', () => {
  it('keeps titles and variables on one line and never turns a comment into a directive', () => {
    const request = {
      ...blankRequest('POST', 'https://x.test/{{id}}'),
      title: 'Create\nan order',
      name: 'createOrder',
    };
    request.comments = ['@name sneaky', 'plain note'];
    request.headers = [{ name: 'Content-Type', value: 'text/plain' }];
    request.body = 'line 1\nline 2';
    const text = renderRequestFile(
      { path: 'x.gwhttp', variables: [{ name: 'id', value: 'a\nb' }], requests: [request] },
      ['From x'],
    );
    assert.equal(
      text,
      '# From x\n\n@id = a b\n\n### Create an order\n# | @name sneaky\n# plain note\n# @name createOrder\nPOST https://x.test/{{id}}\nContent-Type: text/plain\n\nline 1\nline 2\n',
    );
    const parsed = parseDocument(text);
    assert.equal(parsed.requests[0].name, 'createOrder');
    assert.equal(parsed.requests[0].body, 'line 1\nline 2');
    assert.deepEqual(
      parsed.variables.map((v) => [v.name, v.value]),
      [['id', 'a b']],
    );
  });
});
