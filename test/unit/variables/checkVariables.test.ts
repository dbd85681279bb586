import assert from 'node:assert/strict';

import { parseDocument } from '../../../src/core/parser/parseDocument';
import { checkVariables, environmentNotSelectedCode } from '../../../src/core/variables/checkVariables';
import { chooseEnvironment } from '../../../src/core/variables/chooseEnvironment';
import { knownVariableNames } from '../../../src/core/variables/knownVariableNames';
import { variableScope } from '../../../src/core/variables/variableScope';
import { makeDocument, makeRequest } from './variableTestKit';

const text = [
  '@host = example.com', // 1
  '@base = https://{{host}}{{basePath}}', // 2
  '@a = {{b}}', // 3
  '@b = {{a}}', // 4
  '', // 5
  '### Login', // 6
  '# @name login', // 7
  'POST {{base}}/login?t={{$timestamp soon}}', // 8
  'X-User: {{apiUser}}', // 9
  '# a comment is not checked: {{commentedOut}}', // 10
  '', // 11
  '{"k": "{{keyId}}", "x": "{{ 1 + 2 }}"}', // 12
  '', // 13
  '### Orders', // 14
  '# @sign tencent-keypair id={{keyId}}', // 15
  'GET {{base}}/orders', // 16
  '  ?token={{login.response.body.$.token}}&u={{nope}}', // 17
  'X-Other: {{signup.response.headers.X-Id}}', // 18
  'X-Bad: {{login.response.body.//x}}', // 19
  'X-Date: {{$datetime rfc1123}}', // 20
  '', // 21
  '- body lines are checked: {{inBody}}', // 22 (a body of comment lines alone is not sent, so not checked)
].join('\n');

const expected = [
  [8, 'bad-system-variable', 22, 41],
  [9, 'unresolved-variable', 8, 19],
  [12, 'bad-variable-reference', 25, 36],
  [17, 'unresolved-variable', 43, 51],
  [18, 'unknown-request', 9, 41],
  [19, 'bad-variable-reference', 7, 34],
  [22, 'unresolved-variable', 26, 36],
  [3, 'variable-cycle', undefined, undefined],
];

describe('checkVariables', () => {
  const known = new Set(['basePath', 'keyId']);

  it('reports unresolved and malformed references at their exact line and columns, given the text', () => {
    const diagnostics = checkVariables(parseDocument(text), known, text);
    assert.deepEqual(
      diagnostics.map((d) => [d.line, d.code, d.column, d.endColumn]),
      expected,
    );
    assert.ok(diagnostics.every((d) => d.severity === 'error'));
    assert.equal(text.split('\n')[8].slice(8, 19), '{{apiUser}}');
    assert.match(diagnostics[1].message, /Variable \{\{apiUser\}\} is not defined/);
    assert.match(diagnostics[4].message, /no request in this file has "# @name signup"/);
    assert.match(diagnostics[7].message, /File variables form a cycle: a → b → a/);
  });

  it('finds the same problems without the text (columns estimated; continuation lines count as the URL line)', () => {
    const diagnostics = checkVariables(parseDocument(text), known);
    const onUrlLine = expected.map(([line, code]) => [line === 17 ? 16 : line, code]);
    assert.deepEqual(
      diagnostics.map((d) => [d.line, d.code]),
      onUrlLine,
    );
    assert.deepEqual([diagnostics[0].column, diagnostics[1].column], [22, 8]);
  });

  it('is silent when every name is known, and treats chain-shaped known names as defined', () => {
    const request = makeRequest({
      url: 'http://{{host}}/{{$shared region}}/{{$uuid}}?q={{%host}}',
      headers: [{ name: 'X', value: '{{legacy.response.body.x}}', line: 11 }],
    });
    const document = makeDocument([request], [{ name: 'host', value: 'h', line: 1 }]);
    assert.deepEqual(checkVariables(document, new Set(['legacy.response.body.x'])), []);
    assert.equal(checkVariables(document, new Set()).length, 1);
  });

  it('reports a cycle once, at its first variable, including a self reference', () => {
    const document = makeDocument(
      [],
      [
        { name: 'self', value: '{{self}}', line: 1 },
        { name: 'x', value: '{{y}}', line: 2 },
        { name: 'y', value: '{{z}}', line: 3 },
        { name: 'z', value: '{{x}}', line: 4 },
      ],
    );
    const cycles = checkVariables(document, new Set()).filter((d) => d.code === 'variable-cycle');
    assert.deepEqual(
      cycles.map((d) => [d.line, d.message]),
      [
        [1, 'File variables form a cycle: self → self; one of them must not refer back'],
        [2, 'File variables form a cycle: x → y → z → x; one of them must not refer back'],
      ],
    );
  });
});

describe('checkVariables: {{$oauth2 NAME}}', () => {
  const oauth2Text = 'GET https://h/x\nAuthorization: Bearer {{$oauth2 api}}\nX-Other: {{$oauth2 other}}\n';
  const dev = { $oauth2: JSON.stringify({ api: { tokenEndpoint: 'https://idp/token', clientId: 'c' } }) };

  it('knows the configurations of the environment and flags an unknown NAME at its columns', () => {
    const known = knownVariableNames({ dev }, null, 'dev');
    const diagnostics = checkVariables(parseDocument(oauth2Text), known, oauth2Text);
    assert.deepEqual(
      diagnostics.map((d) => [d.line, d.code, d.column]),
      [[3, 'unknown-oauth2-config', 9]],
    );
    assert.match(diagnostics[0].message, /no OAuth2 configuration "other"/);
  });

  it('waits for an environment when only an unselected one has the configuration', () => {
    const environments = { names: ['dev', 'prod'], environments: { dev, prod: {} }, locations: {}, files: [] };
    const scope = variableScope(environments, null, chooseEnvironment(environments.names, null, true));
    const diagnostics = checkVariables(parseDocument(oauth2Text), scope.knownNames, oauth2Text, scope.unselected);
    assert.deepEqual(
      diagnostics.map((d) => [d.line, d.code]),
      [
        [3, 'unknown-oauth2-config'],
        [2, environmentNotSelectedCode],
      ],
    );
    assert.match(diagnostics[1].message, /\{\{\$oauth2 api\}\}/);
  });
});
