import { strict as assert } from 'node:assert';

import { completionEntries, systemVariableSnippet } from '../../../src/core/language/completionEntries';
import { parseDocument } from '../../../src/core/parser/parseDocument';
import { describeVariables } from '../../../src/core/variables/describeVariables';
import type { LoadedEnvironments } from '../../../src/core/variables/loadedEnvironments';

const document = parseDocument(
  '@host = example.com\n@password = hunter2-very-secret\n### a\n# @name login\nPOST https://{{host}}/login\n',
);
const environments: LoadedEnvironments = {
  names: ['local'],
  environments: { $shared: { host: 'shared.example.com', keyId: 'AKIDexample' }, local: { port: '8080' } },
  locations: {},
  files: [],
};
const data = {
  variables: describeVariables(document, environments, 'local'),
  requestNames: document.requests.flatMap((request) => (request.name ? [request.name] : [])),
};

describe('completionEntries', () => {
  it('offers each variable once (the one in use) with its source and value (a file variable as written: it is on screen)', () => {
    const entries = completionEntries({ kind: 'variable', prefix: '', startColumn: 0, hasClosing: false }, data);
    const variables = entries.filter((entry) => entry.kind === 'variable');
    assert.deepEqual(
      variables.map((entry) => [entry.label, entry.detail, entry.insertText]),
      [
        ['host', 'file variable = example.com', 'host}}'],
        ['password', 'file variable = hunter2-very-secret', 'password}}'],
        ['port', 'environment local = 8080', 'port}}'],
        ['keyId', '$shared environment = AKIDexample', 'keyId}}'],
      ],
    );
  });

  it('offers system variables as snippets and chaining references to named requests', () => {
    const entries = completionEntries({ kind: 'variable', prefix: '', startColumn: 0, hasClosing: true }, data);
    const labels = entries.map((entry) => entry.label);
    for (const name of ['$uuid', '$timestamp', '$datetime', '$randomInt', '$processEnv', '$dotenv', '$oauth2']) {
      assert.ok(labels.includes(name), name);
    }
    assert.equal(
      entries.find((entry) => entry.label === '$datetime')?.insertText,
      '\\$datetime ${1|rfc1123,iso8601,"YYYY-MM-DD"|}',
    );
    assert.equal(
      entries.find((entry) => entry.label === '$localDatetime')?.insertText,
      '\\$localDatetime ${1|rfc1123,iso8601,"YYYY-MM-DD"|}',
    );
    assert.equal(entries.find((entry) => entry.label === '$uuid')?.insertText, '\\$uuid');
    const chain = entries.find((entry) => entry.kind === 'request');
    assert.equal(chain?.label, 'login.response.body.$');
    assert.equal(chain?.insertText, 'login.response.${1|body.$.,headers.|}${2}');
  });

  it('builds snippets from system variable usage', () => {
    assert.equal(systemVariableSnippet('$randomInt MIN MAX'), '\\$randomInt ${1:MIN} ${2:MAX}');
    assert.equal(systemVariableSnippet('$timestamp [offset]'), '\\$timestamp');
  });

  it('offers directives, schemes, unused sign options and their values', () => {
    const directives = completionEntries({ kind: 'directive', prefix: '', startColumn: 0 }, data).map(
      (entry) => entry.label,
    );
    assert.deepEqual(directives, [
      'name',
      'sign',
      'timeout',
      'no-redirect',
      'insecure',
      'expect-snapshot',
      'repeat',
      'parallel',
      'note',
      'prompt',
      'auth',
      'save',
    ]);
    const schemes = completionEntries({ kind: 'signScheme', prefix: '', startColumn: 0 }, data).map(
      (entry) => entry.label,
    );
    assert.deepEqual(schemes, ['tencent-keypair', 'tencent-app', 'kong', 'apisix', 'apisix-legacy', 'cavage', 'none']);
    const options = completionEntries({ kind: 'signOption', prefix: '', startColumn: 0, used: ['id'] }, data).map(
      (entry) => entry.label,
    );
    assert.ok(!options.includes('id') && options.includes('algorithm') && options.includes('headers'));
    const values = completionEntries(
      { kind: 'signOptionValue', option: 'algorithm', prefix: '', startColumn: 0 },
      data,
    );
    assert.deepEqual(
      values.map((entry) => entry.label),
      ['hmac-sha1', 'hmac-sha256', 'hmac-sha384', 'hmac-sha512'],
    );
  });

  it('offers assertion subjects as snippets and the predicates', () => {
    const subjects = completionEntries({ kind: 'assertionSubject', prefix: '', startColumn: 3 }, data);
    assert.deepEqual(
      subjects.map((entry) => entry.label),
      ['status', 'header', 'body', 'duration'],
    );
    assert.equal(subjects[0].insertText, 'status ${1:==} ${2:200}');
    const predicates = completionEntries({ kind: 'assertionPredicate', prefix: '', startColumn: 10 }, data).map(
      (entry) => entry.label,
    );
    assert.ok(
      ['==', '!=', 'includes', 'exists', 'isArray', 'matches'].every((predicate) => predicates.includes(predicate)),
      predicates.join(' '),
    );
  });

  it('offers methods, common headers and values for a known header', () => {
    assert.ok(
      completionEntries({ kind: 'method', prefix: '', startColumn: 0 }, data).some((entry) => entry.label === 'PATCH'),
    );
    const headers = completionEntries({ kind: 'headerName', prefix: '', startColumn: 0 }, data);
    assert.equal(headers.find((entry) => entry.label === 'Content-Type')?.insertText, 'Content-Type: $0');
    const values = completionEntries(
      { kind: 'headerValue', header: 'content-type', prefix: '', startColumn: 0 },
      data,
    ).map((entry) => entry.label);
    assert.ok(values.includes('application/json'));
    assert.deepEqual(
      completionEntries({ kind: 'headerValue', header: 'X-Unknown', prefix: '', startColumn: 0 }, data),
      [],
    );
  });
});
