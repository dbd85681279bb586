import { strict as assert } from 'node:assert';

import { demoAppKeyId, demoAppSecret, demoKeyPairId, demoKeyPairSecret } from '../../../src/cli/mockGateway/mockKeys';
import { type MockGateway, startMockGateway } from '../../../src/cli/mockGateway/startMockGateway';
import { explainGatewayError } from '../../../src/core/explain/explainGatewayError';
import type { OutgoingRequest } from '../../../src/core/model/outgoing';
import { createSigningPlan, type SigningOptions } from '../../../src/core/signing/createSigningPlan';
import type { SchemeName } from '../../../src/core/signing/signingTypes';
import { signRequest } from '../../../src/core/signing/signRequest';
import { send } from './testSigner';

/** The project's signer (src/core/signing) against the mock's independent verifier, over loopback. */
describe('mock gateway accepts what src/core/signing produces', () => {
  const now = new Date('2026-11-23T10:00:00Z');
  const clock = { now: () => now };
  let gateway: MockGateway;
  before(async () => {
    gateway = await startMockGateway({ clock });
  });
  after(() => gateway.close());

  function sendSigned(
    scheme: SchemeName,
    keyId: string,
    secret: string,
    options: SigningOptions,
    request: Omit<OutgoingRequest, 'url'> & { target: string },
  ) {
    const outgoing: OutgoingRequest = { ...request, url: gateway.url + request.target };
    const signed = signRequest(outgoing, createSigningPlan(scheme, keyId, options), secret, clock);
    const body = signed.request.body === null ? undefined : Buffer.from(signed.request.body).toString('utf8');
    const headers = signed.request.headers
      .filter((h) => h.name.toLowerCase() !== 'host')
      .map((h): [string, string] => [h.name, h.value]);
    return { signed, response: send(gateway.url, signed.request.method, request.target, headers, body) };
  }

  for (const algorithm of ['hmac-sha1', 'hmac-sha256', 'hmac-sha384', 'hmac-sha512'] as const) {
    it(`tencent-keypair ${algorithm} with Source`, async () => {
      const { response } = sendSigned(
        'tencent-keypair',
        demoKeyPairId,
        demoKeyPairSecret,
        { algorithm, source: 'gwhttp' },
        {
          method: 'GET',
          target: '/release/orders?id=7',
          headers: [{ name: 'Accept', value: 'application/json' }],
          body: null,
        },
      );
      const answer = await response;
      assert.equal(answer.status, 200, answer.text);
      assert.equal(answer.headers['x-secret-id'], demoKeyPairId);
    });
  }

  it('tencent-keypair signing the Date header', async () => {
    const { response } = sendSigned(
      'tencent-keypair',
      demoKeyPairId,
      demoKeyPairSecret,
      { dateHeader: 'date' },
      {
        method: 'POST',
        target: '/release',
        headers: [{ name: 'Content-Type', value: 'application/x-www-form-urlencoded' }],
        body: Buffer.from('QueryParam_a=value1&QueryParam_b=value2'),
      },
    );
    assert.equal((await response).status, 200);
  });

  it('tencent-app JSON POST with an unsorted query under /release', async () => {
    const { response } = sendSigned(
      'tencent-app',
      demoAppKeyId,
      demoAppSecret,
      { algorithm: 'hmac-sha256' },
      {
        method: 'POST',
        target: '/release/orders?b=2&a=1&a=0',
        headers: [
          { name: 'Accept', value: 'application/json' },
          { name: 'Content-Type', value: 'application/json' },
        ],
        body: Buffer.from('{"sku":"A-1","qty":2}'),
      },
    );
    const answer = await response;
    assert.equal(answer.status, 200, answer.text);
    assert.deepEqual(answer.json.json, { sku: 'A-1', qty: 2 });
  });

  it('tencent-app form POST with Source signed', async () => {
    const { response } = sendSigned(
      'tencent-app',
      demoAppKeyId,
      demoAppSecret,
      { source: 'apigw test', signedHeaders: ['x-date', 'source'] },
      {
        method: 'POST',
        target: '/release/',
        headers: [
          { name: 'Accept', value: 'application/json' },
          { name: 'Content-Type', value: 'application/x-www-form-urlencoded' },
        ],
        body: Buffer.from('p=test&name=%E5%BC%A0%E4%B8%89'),
      },
    );
    const answer = await response;
    assert.equal(answer.status, 200, answer.text);
  });

  it('a wrong secret is rejected and explained with the local signing string', async () => {
    const { signed, response } = sendSigned(
      'tencent-keypair',
      demoKeyPairId,
      'not-the-secret',
      {},
      { method: 'GET', target: '/release/x', headers: [], body: null },
    );
    const answer = await response;
    assert.equal(answer.status, 401);
    const headers = Object.entries(answer.headers).map(([name, value]) => ({ name, value: String(value) }));
    const explanation = explainGatewayError({
      status: answer.status,
      headers,
      bodyText: answer.text,
      signing: signed.signing,
      sentAt: now,
    });
    assert.equal(explanation?.code, 'tencent.signatureMismatch');
    assert.equal(explanation?.details.find((d) => d.label === 'key id')?.value, demoKeyPairId);
    assert.equal(
      explanation?.details.find((d) => d.label === 'local signing string')?.value,
      JSON.stringify(signed.signing.signingString),
    );
  });
});
