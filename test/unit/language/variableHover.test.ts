import { strict as assert } from 'node:assert';

import { definitionForReference } from '../../../src/core/language/variableDefinition';
import { hoverForReference, referenceAt } from '../../../src/core/language/variableHover';
import { parseDocument } from '../../../src/core/parser/parseDocument';
import { describeVariables } from '../../../src/core/variables/describeVariables';
import type { LoadedEnvironments } from '../../../src/core/variables/loadedEnvironments';

const text = [
  '@host = {{base}}.example.com', //        1
  '@apiKey = sk-live-0123456789abcdef', //  2
  '### Log in', //                           3
  '# @name login', //                        4
  'POST https://{{host}}/login', //          5
  'X-Region: {{region}}', //                 6
  'X-Key: {{apiKey}}', //                    7
  '', //                                     8
  '{"user": "{{user}}"}', //                 9
  '###', //                                  10
  'GET https://{{host}}/me?r={{$randomInt 1 10}}', // 11
  'Authorization: Bearer {{login.response.body.$.token}}', // 12
  'X-Missing: {{nowhere}}', //               13
  'X-Other: {{ghost.response.headers.X-Trace}}', // 14
].join('\n');

const environments: LoadedEnvironments = {
  names: ['test'],
  environments: { $shared: { region: 'ap-guangzhou', base: 'shared' }, test: { base: 'api-test', user: 'alice' } },
  locations: {
    $shared: { region: { file: '/ws/gwhttp.env.json', line: 2 }, base: { file: '/ws/gwhttp.env.json', line: 3 } },
    test: { base: { file: '/ws/gwhttp.env.json', line: 6 }, user: { file: null, line: null } },
  },
  files: ['/ws/gwhttp.env.json'],
};

const document = parseDocument(text);
const variables = describeVariables(document, environments, 'test', { requestFile: '/ws/a.gwhttp' });
const lines = text.split('\n');
const at = (line: number, needle: string) => {
  const reference = referenceAt(lines[line - 1], line, lines[line - 1].indexOf(`{{${needle}`) + 2);
  assert.ok(reference, `no reference at ${needle}`);
  return reference;
};

describe('hoverForReference', () => {
  it('shows a file variable resolved through the environment, and where it came from', () => {
    const hover = hoverForReference(at(5, 'host'), variables, document, 'test');
    assert.equal(hover.title, '{{host}}');
    assert.equal(hover.value, 'api-test.example.com');
    assert.match(hover.details.join('\n'), /file variable \(line 1\)/);
    assert.match(hover.details.join('\n'), /Written as: \{\{base\}\}\.example\.com/);
  });

  it('names the environment file and line, and what the value overrides', () => {
    const hover = hoverForReference(at(1, 'base'), variables, document, 'test');
    assert.equal(hover.value, 'api-test');
    assert.match(hover.details[0], /environment test \(\/ws\/gwhttp\.env\.json:6\)/);
    assert.match(hover.details.join('\n'), /Overrides the \$shared environment \(\/ws\/gwhttp\.env\.json:3\)/);
    assert.match(hoverForReference(at(6, 'region'), variables, document, 'test').details[0], /\$shared/);
    assert.match(
      hoverForReference(at(9, 'user'), variables, document, 'test').details[0],
      /gwhttp\.environments setting/,
    );
  });

  it('shows a value written in the file as it is (it is on screen), and masks secrets from elsewhere', () => {
    const visible = hoverForReference(at(7, 'apiKey'), variables, document, 'test');
    assert.equal(visible.value, 'sk-live-0123456789abcdef');
    assert.doesNotMatch(visible.details.join('\n'), /masked/);
    const secretText = '@auth = Bearer {{apiToken}}\nGET https://h/x\nAuthorization: {{auth}}\nX-Token: {{apiToken}}';
    const secretDocument = parseDocument(secretText);
    const fromEnvironment: LoadedEnvironments = {
      ...environments,
      environments: { ...environments.environments, test: { apiToken: 'Zk3v9QpLx2RbT7mWc4YhN8sD' } },
    };
    const described = describeVariables(secretDocument, fromEnvironment, 'test', { requestFile: '/ws/a.gwhttp' });
    const secretLines = secretText.split('\n');
    for (const [line, name] of [
      [3, 'auth'],
      [4, 'apiToken'],
    ] as const) {
      const reference = referenceAt(secretLines[line - 1], line, secretLines[line - 1].indexOf(`{{${name}`) + 2)!;
      const hover = hoverForReference(reference, described, secretDocument, 'test');
      assert.ok(!JSON.stringify(hover).includes('Zk3v9QpLx2RbT7mWc4YhN8sD'), name);
      assert.match(hover.details.join('\n'), /masked/, name);
    }
  });

  it('gives system variables a value they resolve to now, masking a secret-looking environment variable', () => {
    const system = {
      clock: { now: () => new Date('2026-11-23T10:00:00Z') },
      processEnv: { API_TOKEN: 'Zk3v9QpLx2RbT7mWc4YhN8sD', REGION: 'ap-beijing' },
      dotenv: null,
      dotenvDescription: '.env',
    };
    const hoverOf = (expression: string) => {
      const line = `GET https://h/x?a={{${expression}}}`;
      return hoverForReference(referenceAt(line, 1, line.indexOf('{{') + 3)!, [], document, null, system);
    };
    assert.equal(hoverOf('$timestamp').value, String(Date.parse('2026-11-23T10:00:00Z') / 1000));
    assert.match(hoverOf('$timestamp').details.join(' '), /An example: each send makes a new value/);
    assert.equal(hoverOf('$processEnv REGION').value, 'ap-beijing');
    assert.equal(hoverOf('$processEnv API_TOKEN').value, '••••••••');
    assert.equal(hoverOf('$uuid').value?.length, 36);
    const oauth2 = hoverOf('$oauth2 api');
    assert.equal(oauth2.value, null, 'no token in a hover');
    assert.match(oauth2.details.join(' '), /fetched when the request is sent, and never shown/);
  });

  it('explains system variables, chaining references and undefined names', () => {
    assert.match(hoverForReference(at(11, '$randomInt'), variables, document, 'test').details.join(' '), /MIN MAX/);
    const chain = hoverForReference(at(12, 'login'), variables, document, 'test');
    assert.match(chain.details[0], /response body \$\.token of request "login" \(line 5\)/);
    assert.match(
      hoverForReference(at(14, 'ghost'), variables, document, 'test').details[0],
      /No request in this file is named "ghost"/,
    );
    const missing = hoverForReference(at(13, 'nowhere'), variables, document, 'test');
    assert.equal(missing.value, null);
    assert.match(missing.details[0], /Not defined\. Looked in: file variables, environment test, \$shared, \.env/);
  });

  it('finds no reference outside the braces', () => {
    assert.equal(referenceAt(lines[4], 5, 2), null);
  });
});

describe('definitionForReference', () => {
  it('goes to file variables in the document, env keys in their file, and the @name of a chained request', () => {
    assert.deepEqual(definitionForReference(at(5, 'host'), variables, document), { file: null, line: 1, key: 'host' });
    assert.deepEqual(definitionForReference(at(1, 'base'), variables, document), {
      file: '/ws/gwhttp.env.json',
      line: 6,
      key: 'base',
    });
    assert.deepEqual(definitionForReference(at(12, 'login'), variables, document), {
      file: null,
      line: 4,
      key: 'login',
    });
  });

  it('has nothing for system variables, setting values and unknown names', () => {
    assert.equal(definitionForReference(at(11, '$randomInt'), variables, document), null);
    assert.equal(definitionForReference(at(9, 'user'), variables, document), null);
    assert.equal(definitionForReference(at(13, 'nowhere'), variables, document), null);
    assert.equal(definitionForReference(at(14, 'ghost'), variables, document), null);
  });
});
