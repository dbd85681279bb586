import assert from 'node:assert/strict';
import * as path from 'node:path';

import { describeVariables } from '../../../src/core/variables/describeVariables';
import { loadDotenv } from '../../../src/core/variables/loadDotenv';
import { loadEnvironments } from '../../../src/core/variables/loadEnvironments';
import { isSecretName, looksLikeSecretValue, maskedValue } from '../../../src/core/variables/secretMask';
import { makeDocument, nodeFileReader, pinnedClock, removeTempDir, tempFixture } from './variableTestKit';

describe('describeVariables', () => {
  let root = '';
  before(() => {
    root = tempFixture('project', {
      'gwhttp.env.private.json': '{\n  "local": {\n    "secretKey": "Gu5t9xGAR2Zx4ePxJ3Q8zA6KbLmN1oPq"\n  }\n}\n',
      '.env': 'API_USER=alice\nhost=dotenv-host\n',
    });
  });
  after(() => removeTempDir(root));

  it('lists file, environment, $shared and .env variables with where they are defined, highest first', async () => {
    const requestFile = path.join(root, 'requests', 'a.gwhttp');
    const environments = await loadEnvironments(requestFile, root, nodeFileReader, {});
    const dotenv = await loadDotenv(requestFile, root, nodeFileReader);
    const document = makeDocument(
      [],
      [
        { name: 'stamp', value: '{{$timestamp}}', line: 2 },
        { name: 'host', value: 'file-host', line: 1 },
      ],
    );
    const described = describeVariables(document, environments, 'local', { dotenv, requestFile, clock: pinnedClock });
    const rows = described.map((v) => [
      v.name,
      v.source,
      v.isOverridden,
      v.definedAt.file && path.basename(v.definedAt.file),
      v.definedAt.line,
    ]);
    assert.deepEqual(rows, [
      ['stamp', 'file', false, 'a.gwhttp', 2],
      ['host', 'file', false, 'a.gwhttp', 1],
      ['host', 'environment', true, 'gwhttp.env.json', 8],
      ['keyId', 'environment', false, 'gwhttp.env.json', 9],
      ['baseUrl', 'environment', false, 'gwhttp.env.json', 10],
      ['secretKey', 'environment', false, 'gwhttp.env.private.json', 3],
      ['region', 'shared', false, 'gwhttp.env.json', 3],
      ['basePath', 'shared', false, 'gwhttp.env.json', 4],
      ['userAgent', 'shared', false, 'gwhttp.env.json', 5],
      ['API_USER', 'dotenv', false, '.env', 1],
      ['host', 'dotenv', true, '.env', 2],
    ]);
    const byKey = (name: string, source: string) => described.find((v) => v.name === name && v.source === source);
    assert.equal(byKey('baseUrl', 'environment')?.value, 'http://{{host}}{{basePath}}');
    assert.equal(byKey('baseUrl', 'environment')?.resolvedValue, 'http://file-host/release');
    assert.equal(byKey('stamp', 'file')?.resolvedValue, String(Date.parse('2026-11-23T10:15:30Z') / 1000));
    assert.equal(byKey('secretKey', 'environment')?.value, maskedValue);
    assert.equal(byKey('secretKey', 'environment')?.resolvedValue, maskedValue);
    assert.equal(byKey('secretKey', 'environment')?.isSecret, true);
    assert.equal(byKey('keyId', 'environment')?.isSecret, false);
    assert.ok(!JSON.stringify(described).includes('Gu5t9xGAR2Zx4ePxJ3Q8zA6KbLmN1oPq'));
    assert.ok(!described.some((v) => v.name.startsWith('$')), '$sign is a setting, not a variable');
  });

  it('without a clock, values that need one have no resolved value; with no environment, $shared still shows', () => {
    const document = makeDocument([], [{ name: 'stamp', value: '{{$timestamp}}', line: 1 }]);
    const environments = {
      names: ['a'],
      environments: { $shared: { s: '1' }, a: { x: '2' } },
      locations: {},
      files: [],
    };
    const described = describeVariables(document, environments, null);
    assert.deepEqual(
      described.map((v) => [v.name, v.source, v.resolvedValue]),
      [
        ['stamp', 'file', null],
        ['s', 'shared', '1'],
      ],
    );
    assert.deepEqual(described[1].definedAt, { file: null, line: null, key: 's' });
  });
});

describe('secret masking', () => {
  it('recognises secret-looking names but not key ids', () => {
    for (const name of [
      'secretKey',
      'SECRET_KEY',
      'password',
      'apiKey',
      'api_key',
      'token',
      'accessToken',
      'privateKey',
    ]) {
      assert.ok(isSecretName(name), name);
    }
    for (const name of ['secretId', 'keyId', 'host', 'tokenUrl', 'region']) assert.ok(!isSecretName(name), name);
  });

  it('recognises generated-key-looking values but not AKID key ids, URLs or words', () => {
    assert.ok(looksLikeSecretValue('Gu5t9xGAR2Zx4ePxJ3Q8zA6KbLmN1oPq'));
    assert.ok(!looksLikeSecretValue('AKIDCgOPWjQ6BAxvHtyckhWABJVYSBj548pN'));
    assert.ok(!looksLikeSecretValue('https://service.example.com/release'));
    assert.ok(!looksLikeSecretValue('ap-guangzhou'));
  });
});
