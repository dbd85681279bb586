import * as assert from 'node:assert/strict';

import { nodeFileReader } from '../../../src/cli/shared/nodeFileReader';
import { parseDocument } from '../../../src/core/parser/parseDocument';
import { systemClock } from '../../../src/core/ports';
import { dependencyIndexes } from '../../../src/core/run/sendDependencies';

const variables = {
  requestFile: null,
  searchRoot: null,
  environmentName: null,
  overrides: {},
  settingsEnvironments: { local: { token: '{{login.response.body.$.token}}' } },
  processEnv: {},
  clock: systemClock,
  fileReader: nodeFileReader,
  mayReadWorkspaceFiles: false,
};

describe('dependencyIndexes: what Preview Signature sends before a chained request', () => {
  const text = [
    '# @name login',
    'POST http://127.0.0.1:9/login',
    '',
    '###',
    '# @name profile',
    'GET http://127.0.0.1:9/me',
    'Authorization: Bearer {{login.response.body.$.token}}',
    '',
    '###',
    'GET http://127.0.0.1:9/orders?user={{profile.response.body.$.id}}',
    '',
    '###',
    'GET http://127.0.0.1:9/plain',
    '',
    '###',
    'GET http://127.0.0.1:9/via-env',
    'X-Token: {{token}}',
    '',
  ].join('\n');
  const document = parseDocument(text);

  it('lists the requests referred to, their own first, in the order Send sends them', async () => {
    assert.deepEqual(await dependencyIndexes(document, document.requests[2], variables), [0, 1]);
    assert.deepEqual(await dependencyIndexes(document, document.requests[1], variables), [0]);
  });

  it('is empty for a request that chains nothing, and follows a reference through the environment', async () => {
    assert.deepEqual(await dependencyIndexes(document, document.requests[3], variables), []);
    assert.deepEqual(await dependencyIndexes(document, document.requests[0], variables), []);
    const withEnvironment = { ...variables, environmentName: 'local' };
    assert.deepEqual(await dependencyIndexes(document, document.requests[4], withEnvironment), [0]);
  });
});
