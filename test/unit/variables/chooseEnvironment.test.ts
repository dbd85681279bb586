import assert from 'node:assert/strict';

import { parseDocument } from '../../../src/core/parser/parseDocument';
import { checkVariables } from '../../../src/core/variables/checkVariables';
import { chooseEnvironment, describeChoice } from '../../../src/core/variables/chooseEnvironment';
import { emptyEnvironments } from '../../../src/core/variables/loadedEnvironments';
import { variableScope } from '../../../src/core/variables/variableScope';

describe('chooseEnvironment (one rule for the editor and the CLI)', () => {
  it('uses the selection where the file defines it', () => {
    assert.deepEqual(chooseEnvironment(['dev', 'prod'], 'prod', false), { kind: 'selected', name: 'prod' });
    assert.deepEqual(chooseEnvironment(['dev', 'prod'], 'prod', true), { kind: 'selected', name: 'prod' });
  });

  it('picks the only environment when nothing applies, and none among several', () => {
    assert.equal(describeChoice(chooseEnvironment(['local'], null, false)), 'local (the only one)');
    assert.equal(describeChoice(chooseEnvironment(['dev', 'prod'], null, true)), 'none selected (2 available)');
    assert.equal(describeChoice(chooseEnvironment([], null, true)), 'none');
  });

  it("treats the editor's selection as a preference, and a --env the file lacks as an error", () => {
    assert.equal(describeChoice(chooseEnvironment([], 'local', true)), 'none (local is not defined for this file)');
    assert.equal(
      describeChoice(chooseEnvironment(['dev'], 'local', true)),
      'dev (the only one here; local is not defined for this file)',
    );
    assert.deepEqual(chooseEnvironment(['dev'], 'local', false), {
      kind: 'undefined',
      name: 'local',
      available: ['dev'],
    });
  });
});

describe('variableScope and the environment-not-selected information', () => {
  const environments = {
    ...emptyEnvironments(),
    names: ['dev', 'prod'],
    environments: { $shared: { region: 'x' }, dev: { host: 'a', token: 't' }, prod: { host: 'b' } },
  };
  const text = 'GET https://{{host}}/{{region}}?t={{token}}&m={{missing}}\n';

  it('reports names only the unselected environments define once, as information; the rest stays an error', () => {
    const scope = variableScope(environments, null, chooseEnvironment(environments.names, null, true));
    const diagnostics = checkVariables(parseDocument(text), scope.knownNames, text, scope.unselected);
    assert.deepEqual(
      diagnostics.map((diagnostic) => [diagnostic.severity, diagnostic.code, diagnostic.column]),
      [
        ['error', 'unresolved-variable', 46],
        ['info', 'environment-not-selected', 12],
      ],
    );
    assert.match(
      diagnostics[1].message,
      /^No environment is selected: \{\{host\}\}, \{\{token\}\} come from its environments \(dev, prod\)/,
    );
  });

  it('checks against the chosen environment once one applies', () => {
    const scope = variableScope(environments, null, chooseEnvironment(environments.names, 'prod', true));
    assert.equal(scope.unselected, null);
    const codes = checkVariables(parseDocument(text), scope.knownNames, text, scope.unselected).map((d) => d.code);
    assert.deepEqual(codes, ['unresolved-variable', 'unresolved-variable']);
  });
});
