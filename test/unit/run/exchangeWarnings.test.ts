import assert from 'node:assert/strict';

import { exchangeWarnings, type WarningInput } from '../../../src/core/run/exchangeWarnings';
import type { SigningInfo } from '../../../src/core/signing/signingTypes';
import { emptyThrottleState, type ThrottleState } from '../../../src/core/throttle/throttleState';

const sentAt = new Date('2026-11-23T10:00:00Z');
const signing = { keyId: 'AKIDexample', scheme: 'tencent-keypair' } as SigningInfo;

function input(overrides: Partial<WarningInput> = {}): WarningInput {
  return { status: 200, headers: [], signing, sentAt, throttle: null, explainedClock: false, ...overrides };
}

const dated = (iso: string) => [{ name: 'Date', value: new Date(iso).toUTCString() }];
const throttle = (fields: Partial<ThrottleState>): ThrottleState => ({ ...emptyThrottleState(), ...fields });

describe('exchange warnings', () => {
  it('warns when the gateway clock is 2 minutes or more away from the local one, on signed requests', () => {
    assert.deepEqual(exchangeWarnings(input({ headers: dated('2026-11-23T10:01:59Z') })), []);
    const [behind] = exchangeWarnings(input({ headers: dated('2026-11-23T10:09:10Z') }));
    assert.match(
      behind,
      /^The local clock is 9 min 10 s behind the gateway \(its Date: Mon, 23 Nov 2026 10:09:10 GMT\)\. Signed requests are refused .*Tencent: 15 min; Kong and APISIX: 5 min/,
    );
    assert.match(
      exchangeWarnings(input({ headers: dated('2026-11-23T09:57:00Z') }))[0],
      /^The local clock is 3 min 0 s ahead of the gateway/,
    );
  });

  it('says nothing of the clock for an unsigned request, an unreadable Date, or when the explanation already shows it', () => {
    assert.deepEqual(exchangeWarnings(input({ headers: dated('2026-11-23T11:00:00Z'), signing: null })), []);
    assert.deepEqual(exchangeWarnings(input({ headers: [{ name: 'Date', value: 'yesterday' }] })), []);
    assert.deepEqual(exchangeWarnings(input({ headers: dated('2026-11-23T11:00:00Z'), explainedClock: true })), []);
  });

  it('warns when 90% of the quota or more is used, with what is left', () => {
    assert.deepEqual(exchangeWarnings(input({ throttle: throttle({ used: 100, usedOf: 125, percentUsed: 80 }) })), []);
    assert.deepEqual(
      exchangeWarnings(
        input({ throttle: throttle({ used: 113, usedOf: 125, percentUsed: 90, usagePlanId: 'usagePlan-1' }) }),
      ),
      [
        'The quota of usage plan usagePlan-1 is nearly used up: 113/125 used, 12 left in this window; past it the gateway answers 429.',
      ],
    );
    assert.deepEqual(exchangeWarnings(input({ throttle: throttle({ limit: 100, remaining: 5, percentUsed: 95 }) })), [
      'The quota is nearly used up: 95% used, 5 left in this window; past it the gateway answers 429.',
    ]);
  });

  it('says when the quota is used up, but not on the 429 itself', () => {
    assert.deepEqual(
      exchangeWarnings(input({ throttle: throttle({ used: 125, usedOf: 125, percentUsed: 100, resetSeconds: 42 }) })),
      [
        'The quota is used up (125/125): the gateway will refuse further requests in this window with 429 (it resets in 42 s).',
      ],
    );
    assert.deepEqual(
      exchangeWarnings(input({ status: 429, throttle: throttle({ used: 126, usedOf: 125, percentUsed: 101 }) })),
      [],
    );
  });
});
