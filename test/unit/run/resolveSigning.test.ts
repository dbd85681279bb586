import * as assert from 'node:assert/strict';

import { isGwHttpError } from '../../../src/core/errors';
import { resolveSigning } from '../../../src/core/run/resolveSigning';
import { environmentSecretSource } from '../../../src/core/secrets/environmentSecretSource';
import { located } from '../located';
import { preparedFromText } from './preparedFromText';

const keyId = 'AKIDresolve000000000000000000000001';

const prepared = preparedFromText;

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  assert.fail('expected a rejection');
}

describe('resolveSigning', () => {
  const signed = `# @sign tencent-keypair id=${keyId}\nGET http://127.0.0.1:9/a\n`;

  it('is null for a request that is not signed', async () => {
    assert.equal(
      await resolveSigning(await prepared('GET http://127.0.0.1:9/a\n'), { file: 'a.gwhttp', sources: [] }),
      null,
    );
  });

  it('returns the plan and the secret found by key id', async () => {
    const sources = [environmentSecretSource({ [`GWHTTP_SECRET_${keyId}`]: 'the-secret' })];
    const signing = await resolveSigning(await prepared(signed), { file: 'a.gwhttp', sources });
    assert.equal(signing?.plan.keyId, keyId);
    assert.equal(signing?.plan.scheme, 'tencent-keypair');
    assert.equal(signing?.secret, 'the-secret');
    assert.equal(signing?.usedPlaceholder, false);
  });

  it('fails with missingSecret when no source knows the key, or uses the placeholder when allowed', async () => {
    const error = await rejection(resolveSigning(await prepared(signed), { file: 'a.gwhttp', sources: [] }));
    assert.ok(isGwHttpError(error) && error.code === 'missingSecret');
    const preview = await resolveSigning(await prepared(signed), {
      file: 'a.gwhttp',
      sources: [],
      placeholderSecret: 'placeholder',
    });
    assert.deepEqual([preview?.secret, preview?.usedPlaceholder], ['placeholder', true]);
  });

  it('fails with a signing error naming file:line at an error in the signing setup', async () => {
    const error = await rejection(
      resolveSigning(await prepared('# @sign no-such-scheme id=AKIDx\nGET http://127.0.0.1:9/a\n'), {
        file: 'a.gwhttp',
        sources: [],
      }),
    );
    assert.ok(isGwHttpError(error) && error.code === 'signing', String(error));
    assert.match(located(error), /^a\.gwhttp:1: /);
    assert.deepEqual(error.location, { file: 'a.gwhttp', line: 1 });
  });
});
