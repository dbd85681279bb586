import assert from 'node:assert/strict';

import { retryDelaySeconds, retryRateLimited } from '../../../src/core/run/retryRateLimited';
import type { RunResult } from '../../../src/core/run/runTypes';
import { emptyThrottleState } from '../../../src/core/throttle/throttleState';

function answer(
  status: number,
  retryAfterSeconds: number | null = null,
  resetSeconds: number | null = null,
): RunResult {
  return {
    index: 0,
    name: null,
    location: { file: 'a.gwhttp', line: 1 },
    request: null,
    signing: null,
    response: { status } as RunResult['response'],
    throttle: { ...emptyThrottleState(), retryAfterSeconds, resetSeconds },
    explanation: null,
    error: null,
    sentAt: null,
    warnings: [],
    assertions: [],
  };
}

const retry = { maxWaitSeconds: 5, maxRetries: 3 };

describe('retrying a 429', () => {
  it('takes the wait from Retry-After, else the reset, and only when it is short enough', () => {
    assert.equal(retryDelaySeconds(answer(429, 2), retry), 2);
    assert.equal(retryDelaySeconds(answer(429, null, 1), retry), 1);
    assert.equal(retryDelaySeconds(answer(429, 6), retry), null);
    assert.equal(retryDelaySeconds(answer(429), retry), null);
    assert.equal(retryDelaySeconds(answer(503, 1), retry), null);
  });

  it('sends again after the wait until the answer is not 429, and says so', async () => {
    const answers = [answer(429, 0), answer(429, 0), answer(200)];
    let sends = 0;
    const result = await retryRateLimited(async () => answers[sends++], retry);
    assert.equal(sends, 3);
    assert.equal(result.response?.status, 200);
    assert.deepEqual(result.warnings, [
      'Sent 3 times: the gateway answered 429 and asked to wait (0 s, 0 s); then 200.',
    ]);
  });

  it('gives up after the most retries, and does nothing without the option', async () => {
    let sends = 0;
    const stubborn = await retryRateLimited(async () => (sends++, answer(429, 0)), retry);
    assert.equal(sends, 4);
    assert.match(stubborn.warnings[0], /^Sent 4 times: .*; still 429\.$/);
    sends = 0;
    const off = await retryRateLimited(async () => (sends++, answer(429, 0)), null);
    assert.equal(sends, 1);
    assert.deepEqual(off.warnings, []);
  });

  it('stops waiting when the run is cancelled', async () => {
    const controller = new AbortController();
    let sends = 0;
    const started = Date.now();
    const waiting = retryRateLimited(async () => (sends++, answer(429, 5)), retry, controller.signal);
    setTimeout(() => controller.abort(), 50);
    const result = await waiting;
    assert.equal(sends, 1);
    assert.equal(result.response?.status, 429);
    assert.ok(Date.now() - started < 4000, 'the 5 s wait was cut short');
  });
});
