import { strict as assert } from 'node:assert';

import { type MockGateway, startMockGateway } from '../../../src/cli/mockGateway/startMockGateway';
import { type HeaderPairs, keyPairAuthorization, send } from './testSigner';

const keys = [
  { id: 'AKIDcount0001', secret: 's1', usagePlanId: 'plan-a', limit: 3 },
  { id: 'AKIDcount0002', secret: 's2', usagePlanId: 'plan-a', limit: 3 },
];

describe('mock gateway usage counting', () => {
  let current = new Date('2026-11-23T10:00:10Z');
  let gateway: MockGateway;
  before(async () => {
    gateway = await startMockGateway({ keys, window: 60, clock: { now: () => current } });
  });
  after(() => gateway.close());

  function call(keyIndex: number) {
    const key = keys[keyIndex];
    const headers: HeaderPairs = [['X-Date', current.toUTCString()]];
    headers.push(['Authorization', keyPairAuthorization(key.id, key.secret, 'hmac-sha1', headers, ['x-date'])]);
    return send(gateway.url, 'GET', '/release/count', headers);
  }

  it('counts per key within the window and answers 429 past the limit, keeping the throttling headers', async () => {
    for (const expected of ['1/3', '2/3', '3/3']) {
      const response = await call(0);
      assert.equal(response.status, 200);
      assert.equal(response.headers['x-ratelimit-used'], expected);
    }
    const limited = await call(0);
    assert.equal(limited.status, 429);
    assert.deepEqual(limited.json, { message: 'API rate limit exceeded' });
    assert.equal(limited.headers['x-ratelimit-used'], '3/3');
    assert.equal(limited.headers['x-ratelimit-limit'], '3');
    assert.equal(limited.headers['x-usageplan-id'], 'plan-a');
    assert.equal(limited.headers['x-secret-id'], 'AKIDcount0001');
    assert.equal(limited.headers['retry-after'], '50');
  });

  it('counts another key of the same plan separately', async () => {
    const response = await call(1);
    assert.equal(response.status, 200);
    assert.equal(response.headers['x-ratelimit-used'], '1/3');
  });

  it('starts a fresh count in the next window', async () => {
    current = new Date('2026-11-23T10:01:00Z');
    const response = await call(0);
    assert.equal(response.status, 200);
    assert.equal(response.headers['x-ratelimit-used'], '1/3');
  });
});
