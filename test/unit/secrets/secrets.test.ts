import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { GwHttpError } from '../../../src/core/errors';
import type { FileReader, SecretSource } from '../../../src/core/ports';
import { dotenvSecretSource } from '../../../src/core/secrets/dotenvSecretSource';
import { environmentSecretSource } from '../../../src/core/secrets/environmentSecretSource';
import { resolveSecret } from '../../../src/core/secrets/resolveSecret';
import { secretEnvVarName } from '../../../src/core/secrets/secretEnvVarName';
import { located } from '../located';

const nodeFileReader: FileReader = {
  readFile: async (file) => new Uint8Array(await fs.promises.readFile(file)),
  exists: async (file) =>
    fs.promises.access(file).then(
      () => true,
      () => false,
    ),
};

function staticSource(description: string, secrets: Record<string, string>): SecretSource {
  return { description, getSecret: (keyId) => Promise.resolve(secrets[keyId]) };
}

describe('secrets', () => {
  it('secretEnvVarName replaces every character outside A-Za-z0-9 with _ and keeps case', () => {
    assert.equal(
      secretEnvVarName('AKIDCgOPWjQ6BAxvHtyckhWABJVYSBj548pN'),
      'GWHTTP_SECRET_AKIDCgOPWjQ6BAxvHtyckhWABJVYSBj548pN',
    );
    assert.equal(secretEnvVarName('john-key.v2@x'), 'GWHTTP_SECRET_john_key_v2_x');
    assert.equal(secretEnvVarName('张'), 'GWHTTP_SECRET__');
  });

  it('resolveSecret takes the first source that knows the key and trims whitespace (E19)', async () => {
    const sources = [
      staticSource('first', {}),
      staticSource('second', { k: '  s3cret\n' }),
      staticSource('third', { k: 'other' }),
    ];
    assert.equal(await resolveSecret('k', sources), 's3cret');
  });

  it('resolveSecret treats an empty value as unknown and keeps looking', async () => {
    assert.equal(await resolveSecret('k', [staticSource('a', { k: ' \n' }), staticSource('b', { k: 'x' })]), 'x');
  });

  it('a missing secret names the key id, the sources and every way to provide it', async () => {
    const sources = [environmentSecretSource({}), staticSource('VS Code SecretStorage', {})];
    await assert.rejects(resolveSecret('AKIDabc-1', sources, { file: '/w/a.gwhttp', line: 7 }), (error: unknown) => {
      assert.ok(error instanceof GwHttpError);
      assert.equal(error.code, 'missingSecret');
      assert.match(located(error), /^\/w\/a\.gwhttp:7: no secret key for key id "AKIDabc-1"/);
      assert.match(error.message, /environment variable GWHTTP_SECRET_<KEYID>; VS Code SecretStorage/);
      assert.match(error.hint ?? '', /"GW HTTP: Store Secret Key"/);
      assert.match(error.hint ?? '', /environment variable GWHTTP_SECRET_AKIDabc_1;/);
      assert.match(error.hint ?? '', /GWHTTP_SECRET_AKIDabc_1=YOUR_SECRET_KEY to a \.env file/);
      assert.deepEqual(error.location, { file: '/w/a.gwhttp', line: 7 });
      return true;
    });
  });

  it('environmentSecretSource reads GWHTTP_SECRET_<KEYID>', async () => {
    const source = environmentSecretSource({ GWHTTP_SECRET_john_key: 'john-secret-key' });
    assert.equal(await source.getSecret('john-key'), 'john-secret-key');
    assert.equal(await source.getSecret('jane'), undefined);
  });

  it('dotenvSecretSource finds the nearest .env defining the name, up to the search root only', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'gwhttp-'));
    const project = path.join(root, 'project');
    const nested = path.join(project, 'api', 'orders');
    fs.mkdirSync(nested, { recursive: true });
    fs.writeFileSync(path.join(root, '.env'), 'GWHTTP_SECRET_outside=never\n');
    fs.writeFileSync(
      path.join(project, '.env'),
      'GWHTTP_SECRET_AKIDa=from-project\nGWHTTP_SECRET_shared="quoted value"\n',
    );
    fs.writeFileSync(path.join(nested, '.env'), '# local\nGWHTTP_SECRET_AKIDa=from-nested\n');
    const requestFile = path.join(nested, 'orders.gwhttp');
    const source = dotenvSecretSource(requestFile, project, nodeFileReader);
    assert.equal(await source.getSecret('AKIDa'), 'from-nested');
    assert.equal(await source.getSecret('shared'), 'quoted value');
    assert.equal(await source.getSecret('outside'), undefined, 'stops at the search root');
    assert.match(source.description, /\.env file/);
    assert.equal(await dotenvSecretSource(null, project, nodeFileReader).getSecret('AKIDa'), undefined);
    fs.rmSync(root, { recursive: true, force: true });
  });
});
