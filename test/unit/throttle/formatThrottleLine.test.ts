import { strict as assert } from 'node:assert';

import type { HeaderField } from '../../../src/core/model/outgoing';
import { formatThrottleLine } from '../../../src/core/throttle/formatThrottleLine';
import { parseThrottle } from '../../../src/core/throttle/parseThrottle';

const now = new Date('2026-11-23T10:00:00Z');
const line = (headers: HeaderField[]): string => {
  const state = parseThrottle(headers, now);
  assert.ok(state);
  return formatThrottleLine(state);
};

describe('formatThrottleLine', () => {
  it('formats the Tencent headers as in the CLI contract', () => {
    assert.equal(
      line([
        { name: 'X-RateLimit-Limit', value: '500' },
        { name: 'X-RateLimit-Used', value: '100/125' },
        { name: 'X-UsagePlan-ID', value: 'usagePlan-1' },
        { name: 'X-Secret-ID', value: 'AKIDgwhttpDEMO0000000000000000000001' },
      ]),
      'quota 100/125 used (80%) · limit 500 · plan usagePlan-1 · key AKIDgwhttpDEMO0000000000000000000001',
    );
  });

  it('formats the common families and Retry-After', () => {
    assert.equal(
      line([
        { name: 'RateLimit', value: 'limit=100, remaining=0, reset=5' },
        { name: 'RateLimit-Policy', value: '100;w=60' },
        { name: 'Retry-After', value: '5' },
      ]),
      '0 remaining (100%) · limit 100 per 60s · resets in 5s · retry after 5s',
    );
  });

  it('shows a malformed used value raw and counts the notes', () => {
    assert.equal(line([{ name: 'X-RateLimit-Used', value: 'n/a' }]), 'quota "n/a" used · 1 header note');
  });
});
