import assert from 'node:assert/strict';

import { parseDocument } from '../../../src/core/parser/parseDocument';
import { confirmationText } from '../../../src/core/run/confirmationText';
import type { LoadedEnvironments } from '../../../src/core/variables/loadedEnvironments';

const document = parseDocument(
  [
    '### List',
    'GET https://h/list',
    '',
    '### Delete everything',
    '# @note This deletes real orders',
    'DELETE https://h/orders',
    '',
    '###',
    '# @note',
    'POST https://h/reset',
    '',
  ].join('\n'),
);

function environments(values: Record<string, Record<string, string>>): LoadedEnvironments {
  return {
    names: Object.keys(values).filter((name) => name !== '$shared'),
    environments: values,
    locations: {},
    files: [],
  };
}

describe('confirmationText', () => {
  it('is null when no chosen request has a # @note and the environment asks nothing', () => {
    assert.equal(confirmationText(document, [0], environments({ dev: { host: 'h' } }), 'dev'), null);
    assert.equal(confirmationText(document, [0], null, null), null);
  });

  it('lists the notes of the chosen requests, with a default text for an empty note', () => {
    assert.equal(
      confirmationText(document, [0, 1, 2], null, null),
      'Delete everything (line 6): This deletes real orders\nPOST https://h/reset (line 10): marked # @note: confirm before sending.',
    );
  });

  it('asks for every send with an environment that sets $confirm (or $shared does)', () => {
    const production = environments({
      dev: { host: 'd' },
      prod: { host: 'p', $confirm: 'PRODUCTION: real customers' },
    });
    assert.equal(confirmationText(document, [0], production, 'prod'), 'Environment "prod": PRODUCTION: real customers');
    assert.equal(confirmationText(document, [0], production, 'dev'), null);
    assert.equal(
      confirmationText(document, [0], environments({ $shared: { $confirm: '' } }), null),
      'Every environment: asks for a confirmation before sending.',
    );
  });
});
