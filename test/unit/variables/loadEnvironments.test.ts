import assert from 'node:assert/strict';
import * as path from 'node:path';

import { isGwHttpError } from '../../../src/core/errors';
import { loadDotenv } from '../../../src/core/variables/loadDotenv';
import { loadEnvironments } from '../../../src/core/variables/loadEnvironments';
import { located } from '../located';
import { nodeFileReader, removeTempDir, tempFixture } from './variableTestKit';

describe('loadEnvironments', () => {
  const roots: string[] = [];
  const fixture = (name: string | null, files: Record<string, string> = {}): string => {
    const root = tempFixture(name, files);
    roots.push(root);
    return root;
  };
  after(() => roots.forEach(removeTempDir));

  it('finds gwhttp.env.json in a parent folder up to the search root and keeps $shared apart from the names', async () => {
    const root = fixture('project');
    const requestFile = path.join(root, 'requests', 'nested', 'orders.gwhttp');
    const loaded = await loadEnvironments(requestFile, root, nodeFileReader, {});
    assert.deepEqual(loaded.names, ['local', 'release']);
    assert.deepEqual(loaded.files, [path.join(root, 'gwhttp.env.json')]);
    assert.equal(loaded.environments.$shared.region, 'ap-guangzhou');
    assert.equal(loaded.environments.local.baseUrl, 'http://{{host}}{{basePath}}');
    assert.deepEqual(loaded.locations.release.host, { file: path.join(root, 'gwhttp.env.json'), line: 14 });
    assert.deepEqual(loaded.locations.local.$sign, { file: path.join(root, 'gwhttp.env.json'), line: 11 });
  });

  it('does not look above the search root, nor above the request folder when the root is elsewhere', async () => {
    const root = fixture('project');
    const inner = path.join(root, 'requests');
    assert.deepEqual((await loadEnvironments(path.join(inner, 'a.gwhttp'), inner, nodeFileReader, {})).files, []);
    const unrelated = fixture(null);
    assert.deepEqual((await loadEnvironments(path.join(inner, 'a.gwhttp'), unrelated, nodeFileReader, {})).files, []);
  });

  it('merges gwhttp.env.private.json over the public file, key by key, and the files over the setting', async () => {
    const root = fixture('project', {
      'requests/gwhttp.env.private.json': JSON.stringify(
        { local: { secretKey: 'from-private', host: 'private-host' }, staging: { host: 's' } },
        null,
        2,
      ),
    });
    const settings = { local: { host: 'setting-host', fromSetting: 'yes' }, settingsOnly: { a: 1 } };
    const loaded = await loadEnvironments(path.join(root, 'requests', 'a.gwhttp'), root, nodeFileReader, settings);
    assert.deepEqual(loaded.names, ['local', 'settingsOnly', 'release', 'staging']);
    assert.deepEqual(loaded.files, [
      path.join(root, 'gwhttp.env.json'),
      path.join(root, 'requests', 'gwhttp.env.private.json'),
    ]);
    assert.equal(loaded.environments.local.host, 'private-host');
    assert.equal(loaded.environments.local.secretKey, 'from-private');
    assert.equal(loaded.environments.local.fromSetting, 'yes');
    assert.equal(loaded.environments.local.keyId, 'AKIDlocal0000000000000000000000000000');
    assert.equal(loaded.environments.settingsOnly.a, '1');
    assert.deepEqual(loaded.locations.local.host, {
      file: path.join(root, 'requests', 'gwhttp.env.private.json'),
      line: 4,
    });
    assert.deepEqual(loaded.locations.local.fromSetting, { file: null, line: null });
  });

  it('falls back to JetBrains http-client.env.json (+ private) only when no gwhttp env file exists', async () => {
    const root = fixture('jetbrains', { 'http-client.private.env.json': '{"dev": {"token": "private-token"}}' });
    const loaded = await loadEnvironments(path.join(root, 'api', 'a.gwhttp'), root, nodeFileReader, {});
    assert.deepEqual(loaded.names, ['dev', 'prod']);
    assert.equal(loaded.environments.dev.token, 'private-token');
    assert.equal(loaded.files.length, 2);

    const both = fixture('jetbrains', { 'api/gwhttp.env.json': '{"mine": {"host": "x"}}' });
    const preferred = await loadEnvironments(path.join(both, 'api', 'a.gwhttp'), both, nodeFileReader, {});
    assert.deepEqual(preferred.names, ['mine']);
    assert.deepEqual(preferred.files, [path.join(both, 'api', 'gwhttp.env.json')]);
  });

  it('reports bad JSON as a file error naming the file and line', async () => {
    const root = fixture('bad');
    const file = path.join(root, 'gwhttp.env.json');
    await assert.rejects(loadEnvironments(path.join(root, 'a.gwhttp'), root, nodeFileReader, {}), (error: unknown) => {
      assert.ok(isGwHttpError(error));
      assert.equal(error.code, 'file');
      assert.ok(located(error).startsWith(`${file}:`), located(error));
      assert.match(located(error), /not valid JSON/);
      assert.equal(error.location?.file, file);
      assert.ok((error.location?.line ?? 0) >= 3, `line ${error.location?.line}`);
      assert.match(error.hint ?? '', /trailing commas/);
      return true;
    });
  });

  it('rejects a file whose environments are not objects', async () => {
    const root = fixture(null, { 'gwhttp.env.json': '{"local": "oops"}' });
    await assert.rejects(loadEnvironments(path.join(root, 'a.gwhttp'), root, nodeFileReader, {}), (error: unknown) => {
      assert.match(located(error), /gwhttp\.env\.json:1: environment "local" must be an object/);
      return true;
    });
  });

  it('with no request file, reads only the search root', async () => {
    const root = fixture('project');
    const loaded = await loadEnvironments(null, root, nodeFileReader, {});
    assert.deepEqual(loaded.names, ['local', 'release']);
  });
});

describe('loadDotenv', () => {
  const roots: string[] = [];
  after(() => roots.forEach(removeTempDir));

  it('reads the nearest .env with dotenv parse rules and records key lines', async () => {
    const root = tempFixture('project', { '.env': '# comment\nAPI_USER=alice\nQUOTED="a b"\nexport TOKEN=t1\n' });
    roots.push(root);
    const loaded = await loadDotenv(path.join(root, 'requests', 'nested', 'x.gwhttp'), root, nodeFileReader);
    assert.equal(loaded?.file, path.join(root, '.env'));
    assert.deepEqual(loaded?.values, { API_USER: 'alice', QUOTED: 'a b', TOKEN: 't1' });
    assert.deepEqual(loaded?.keyLines, { API_USER: 2, QUOTED: 3, TOKEN: 4 });
  });

  it('prefers a .env beside the request file and returns null when there is none', async () => {
    const root = tempFixture('project', { '.env': 'A=root\n', 'requests/.env': 'A=near\n' });
    roots.push(root);
    assert.equal((await loadDotenv(path.join(root, 'requests', 'x.gwhttp'), root, nodeFileReader))?.values.A, 'near');
    const empty = tempFixture('project');
    roots.push(empty);
    assert.equal(await loadDotenv(path.join(empty, 'requests', 'x.gwhttp'), empty, nodeFileReader), null);
  });
});
