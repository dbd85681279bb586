import { strict as assert } from 'node:assert';

import { demoAppKeyId, demoAppSecret, demoKeyPairId, demoKeyPairSecret } from '../../../src/cli/mockGateway/mockKeys';
import { type MockGateway, startMockGateway } from '../../../src/cli/mockGateway/startMockGateway';
import { secretEnvVarName } from '../../../src/core/secrets/secretEnvVarName';
import { runText } from '../run/runContext';

/** Sends one GET signed with `scheme` under `keyId` to the mock gateway and returns the explanation. */
async function explained(gateway: MockGateway, scheme: string, keyId: string, secret: string) {
  const text = `# @sign ${scheme} id=${keyId}\nGET ${gateway.url}/release/orders\nAccept: application/json\n`;
  const { results } = await runText(text, null, { [secretEnvVarName(keyId)]: secret });
  assert.equal(results[0].response?.status, 401, JSON.stringify(results[0].error));
  return results[0].explanation;
}

describe('explanation of a key signed with the other Tencent scheme (mock gateway)', () => {
  let gateway: MockGateway;
  before(async () => (gateway = await startMockGateway()));
  after(() => gateway.close());

  it('says an APID… app key signed with tencent-keypair needs tencent-app, not another secret', async () => {
    const explanation = await explained(gateway, 'tencent-keypair', demoAppKeyId, demoAppSecret);
    assert.equal(explanation?.code, 'tencent.schemeDoesNotMatchKey');
    assert.equal(explanation?.title, 'The signing scheme does not match the key: APID… keys use tencent-app');
    assert.match(explanation?.cause ?? '', /is an application ApiAppKey \(APID…\).*signed with tencent-keypair/);
    assert.doesNotMatch(explanation?.cause ?? '', /secret is wrong|ApiAppSecret is wrong/i);
    assert.match(explanation?.fix ?? '', new RegExp(`# @sign tencent-app id=${demoAppKeyId}`));
  });

  it('says the same the other way round, and leaves a matching scheme to the usual explanation', async () => {
    const reverse = await explained(gateway, 'tencent-app', demoKeyPairId, demoKeyPairSecret);
    assert.equal(reverse?.title, 'The signing scheme does not match the key: AKID… keys use tencent-keypair');
    const wrongSecret = await explained(gateway, 'tencent-keypair', demoKeyPairId, 'not-the-secret');
    assert.equal(wrongSecret?.code, 'tencent.signatureMismatch');
    assert.equal(wrongSecret?.title, 'The signature does not match');
  });
});
