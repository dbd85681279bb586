import * as assert from 'node:assert/strict';

import { findRequestAgain, requestIdentity } from '../../../src/core/language/requestIdentity';
import { parseDocument } from '../../../src/core/parser/parseDocument';

const postJson = '### Post JSON\nPOST http://h/orders\n\n{"a":1}\n';

describe('findRequestAgain', () => {
  const sent = requestIdentity(parseDocument(postJson).requests[0]);

  it('finds an unnamed request by title, method and URL after a request was inserted above it', () => {
    const now = parseDocument(`### Danger\nDELETE http://h/danger\n\n${postJson}`);
    assert.deepEqual(findRequestAgain(now, sent), { kind: 'found', index: 1 });
  });

  it('lets the body of the request be edited', () => {
    assert.deepEqual(findRequestAgain(parseDocument(postJson.replace('"a":1', '"a":2')), sent), {
      kind: 'found',
      index: 0,
    });
  });

  it('says gone when no request matches, and ambiguous when two do', () => {
    assert.deepEqual(findRequestAgain(parseDocument('GET http://h/other\n'), sent), { kind: 'gone' });
    const twice = findRequestAgain(parseDocument(`${postJson}\n${postJson}`), sent);
    assert.equal(twice.kind, 'ambiguous');
  });

  it('finds a named request by its name, and says changed when its method or URL moved on', () => {
    const named = requestIdentity(parseDocument('# @name create\nPOST http://h/orders\n').requests[0]);
    const moved = parseDocument('GET http://h/a\n\n###\n# @name create\nPOST http://h/orders\n');
    assert.deepEqual(findRequestAgain(moved, named), { kind: 'found', index: 1 });
    const changed = findRequestAgain(parseDocument('# @name create\nDELETE http://h/danger\n'), named);
    assert.equal(changed.kind, 'changed');
    assert.equal(changed.kind === 'changed' && changed.now.method, 'DELETE');
  });
});
