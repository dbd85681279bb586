import { strict as assert } from 'node:assert';

import type { HeaderField } from '../../../src/core/model/outgoing';
import { parseThrottle } from '../../../src/core/throttle/parseThrottle';

const now = new Date('2026-11-23T10:00:00Z');

function h(...pairs: [string, string][]): HeaderField[] {
  return pairs.map(([name, value]) => ({ name, value }));
}

describe('parseThrottle', () => {
  it('returns null when no throttling header is present', () => {
    assert.equal(parseThrottle(h(['Content-Type', 'application/json'], ['Date', now.toUTCString()]), now), null);
    assert.equal(parseThrottle([], now), null);
  });

  it('reads the Tencent usage-plan headers of the doc sample', () => {
    const state = parseThrottle(
      h(
        ['X-Secret-ID', 'AKIDCgOPWjQ6BAxvHtyckhWABJVYSBj548pN'],
        ['X-UsagePlan-ID', 'Q6BAxvHtyckhWABJVYSBj'],
        ['X-RateLimit-Limit', '500'],
        ['X-RateLimit-Used', '100/125'],
      ),
      now,
    );
    assert.deepEqual(state, {
      limit: 500,
      used: 100,
      usedOf: 125,
      usedRaw: '100/125',
      remaining: null,
      resetSeconds: null,
      retryAfterSeconds: null,
      usagePlanId: 'Q6BAxvHtyckhWABJVYSBj',
      secretId: 'AKIDCgOPWjQ6BAxvHtyckhWABJVYSBj548pN',
      percentUsed: 80,
      windowSeconds: null,
      notes: [],
    });
  });

  it('matches header names case-insensitively and tolerates spaces inside a/b', () => {
    const state = parseThrottle(h(['x-ratelimit-used', ' 3 / 500 '], ['X-RATELIMIT-LIMIT', '500']), now);
    assert.equal(state?.used, 3);
    assert.equal(state?.usedOf, 500);
    assert.equal(state?.percentUsed, 1);
    assert.equal(state?.usedRaw, '3 / 500');
  });

  it('reads a single-number X-RateLimit-Used against the limit', () => {
    const state = parseThrottle(
      h(['X-RateLimit-Limit', '60'], ['X-RateLimit-Used', '15'], ['X-RateLimit-Remaining', '45']),
      now,
    );
    assert.equal(state?.used, 15);
    assert.equal(state?.usedOf, null);
    assert.equal(state?.remaining, 45);
    assert.equal(state?.percentUsed, 25);
  });

  it('keeps malformed values raw with a note and never throws', () => {
    const state = parseThrottle(
      h(
        ['X-RateLimit-Used', 'lots/125'],
        ['X-RateLimit-Limit', 'five hundred'],
        ['X-RateLimit-Remaining', '-1'],
        ['X-RateLimit-Reset', 'soon'],
        ['Retry-After', 'whenever'],
      ),
      now,
    );
    assert.ok(state);
    assert.equal(state.usedRaw, 'lots/125');
    assert.equal(state.used, null);
    assert.equal(state.limit, null);
    assert.equal(state.remaining, null);
    assert.equal(state.resetSeconds, null);
    assert.equal(state.retryAfterSeconds, null);
    assert.equal(state.notes.length, 5);
    assert.match(state.notes.join('\n'), /X-RateLimit-Used "lots\/125"/);
    assert.match(state.notes.join('\n'), /x-ratelimit-limit "five hundred"/);
    assert.match(state.notes.join('\n'), /Retry-After "whenever"/);
  });

  it('reads X-RateLimit-Remaining/-Reset as seconds and a large reset as a Unix time', () => {
    assert.equal(parseThrottle(h(['X-RateLimit-Reset', '30']), now)?.resetSeconds, 30);
    const epoch = String(now.getTime() / 1000 + 90);
    const state = parseThrottle(
      h(['X-RateLimit-Limit', '5000'], ['X-RateLimit-Remaining', '4999'], ['X-RateLimit-Reset', epoch]),
      now,
    );
    assert.equal(state?.resetSeconds, 90);
    assert.equal(state?.remaining, 4999);
    assert.match(state?.notes[0] ?? '', /Unix time/);
  });

  it('takes the first number of a multi-window X-RateLimit-Limit', () => {
    assert.equal(parseThrottle(h(['X-RateLimit-Limit', '100, 100;w=60, 1000;w=3600']), now)?.limit, 100);
  });

  it('reads the RateLimit-Limit/-Remaining/-Reset family', () => {
    const state = parseThrottle(
      h(['RateLimit-Limit', '10'], ['RateLimit-Remaining', '4'], ['RateLimit-Reset', '7']),
      now,
    );
    assert.deepEqual([state?.limit, state?.remaining, state?.resetSeconds, state?.percentUsed], [10, 4, 7, 60]);
  });

  it('reads the IETF dictionary form (drafts up to 07) with a policy window', () => {
    const state = parseThrottle(
      h(['RateLimit', 'limit=100, remaining=50, reset=5'], ['RateLimit-Policy', '100;w=60']),
      now,
    );
    assert.deepEqual([state?.limit, state?.remaining, state?.resetSeconds, state?.windowSeconds], [100, 50, 5, 60]);
  });

  it('reads the IETF named-policy form (drafts 08+) and picks the tightest policy', () => {
    const state = parseThrottle(
      h(
        ['RateLimit', '"burst";r=40;t=1, "daily";r=9;t=3600'],
        ['RateLimit-Policy', '"burst";q=100;w=60, "daily";q=1000;w=86400'],
      ),
      now,
    );
    assert.deepEqual(
      [state?.remaining, state?.resetSeconds, state?.limit, state?.windowSeconds],
      [9, 3600, 1000, 86400],
    );
    assert.equal(state?.percentUsed, 99);
  });

  it('lets explicit X-RateLimit-* headers win over the IETF fields', () => {
    const state = parseThrottle(
      h(['X-RateLimit-Limit', '500'], ['RateLimit', 'limit=100, remaining=50, reset=5']),
      now,
    );
    assert.equal(state?.limit, 500);
    assert.equal(state?.remaining, 50);
  });

  it('notes an unreadable RateLimit field', () => {
    const state = parseThrottle(h(['RateLimit', 'garbage']), now);
    assert.equal(state?.remaining, null);
    assert.match(state?.notes[0] ?? '', /RateLimit "garbage"/);
  });

  it('reads Retry-After in seconds and as an HTTP-date relative to now', () => {
    assert.equal(parseThrottle(h(['Retry-After', '120']), now)?.retryAfterSeconds, 120);
    const later = new Date(now.getTime() + 42_000).toUTCString();
    assert.equal(parseThrottle(h(['Retry-After', later]), now)?.retryAfterSeconds, 42);
  });

  it('clamps a Retry-After date in the past to 0 with a note', () => {
    const state = parseThrottle(h(['Retry-After', new Date(now.getTime() - 10_000).toUTCString()]), now);
    assert.equal(state?.retryAfterSeconds, 0);
    assert.match(state?.notes[0] ?? '', /in the past/);
  });

  it('notes a throttling header sent twice and uses the first value', () => {
    const state = parseThrottle(h(['X-RateLimit-Limit', '500'], ['X-RateLimit-Limit', '600']), now);
    assert.equal(state?.limit, 500);
    assert.match(state?.notes[0] ?? '', /more than once/);
  });
});

describe('parseThrottle on arbitrary input', () => {
  it('never throws and always returns a state when a throttling header is present', async () => {
    const fc = await import('fast-check');
    const names = [
      'X-RateLimit-Limit',
      'X-RateLimit-Used',
      'X-RateLimit-Remaining',
      'X-RateLimit-Reset',
      'RateLimit',
      'RateLimit-Policy',
      'Retry-After',
    ];
    fc.assert(
      fc.property(fc.constantFrom(...names), fc.string(), (name, value) => {
        const state = parseThrottle([{ name, value }], now);
        assert.ok(state);
        assert.ok(Array.isArray(state.notes));
      }),
      { numRuns: 500 },
    );
  });
});

describe('parseThrottle: Kong per-period headers', () => {
  it('keeps the window with the fewest requests remaining', () => {
    const state = parseThrottle(
      h(
        ['X-RateLimit-Limit-Minute', '10'],
        ['X-RateLimit-Remaining-Minute', '9'],
        ['X-RateLimit-Limit-Hour', '100'],
        ['X-RateLimit-Remaining-Hour', '2'],
      ),
      now,
    );
    assert.deepEqual([state?.limit, state?.remaining, state?.windowSeconds, state?.percentUsed], [100, 2, 3600, 98]);
  });

  it('notes a malformed period value', () => {
    const state = parseThrottle(h(['X-RateLimit-Limit-Second', 'x'], ['X-RateLimit-Remaining-Second', '1']), now);
    assert.equal(state?.remaining, 1);
    assert.match(state?.notes[0] ?? '', /x-ratelimit-limit-second "x"/);
  });

  it('does not override a plain X-RateLimit-Limit', () => {
    assert.equal(parseThrottle(h(['X-RateLimit-Limit', '500'], ['X-RateLimit-Limit-Minute', '10']), now)?.limit, 500);
  });
});
