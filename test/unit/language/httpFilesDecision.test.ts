import assert from 'node:assert/strict';

import { decideHttpFiles, httpFilesMode } from '../../../src/core/language/httpFilesDecision';

describe('gwhttp.httpFiles', () => {
  it('auto serves http files unless REST Client or httpYac is installed', () => {
    assert.deepEqual(decideHttpFiles('auto', []), { served: true, yieldedTo: null });
    assert.deepEqual(decideHttpFiles('auto', ['humao.rest-client']), { served: false, yieldedTo: 'REST Client' });
    assert.deepEqual(decideHttpFiles('auto', ['AnWeber.vscode-httpyac']), { served: false, yieldedTo: 'httpYac' });
    assert.deepEqual(decideHttpFiles('auto', ['someone.else']), { served: true, yieldedTo: null });
  });

  it('always and never do as they say whatever is installed', () => {
    assert.deepEqual(decideHttpFiles('always', ['humao.rest-client']), { served: true, yieldedTo: null });
    assert.deepEqual(decideHttpFiles('never', []), { served: false, yieldedTo: null });
  });

  it('an unknown setting value counts as auto', () => {
    assert.equal(httpFilesMode('always'), 'always');
    assert.equal(httpFilesMode('never'), 'never');
    assert.equal(httpFilesMode('sometimes'), 'auto');
    assert.equal(httpFilesMode(undefined), 'auto');
  });
});
