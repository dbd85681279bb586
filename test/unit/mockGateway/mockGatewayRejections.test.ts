import { strict as assert } from 'node:assert';

import type { MockProfile } from '../../../src/cli/mockGateway/mockRejections';
import { type MockGateway, startMockGateway } from '../../../src/cli/mockGateway/startMockGateway';
import { type HeaderPairs, keyPairAuthorization, send } from './testSigner';

const id = 'AKIDgwTEST000000000000000000000000001';
const secret = 'gwtest-secret-0001';
const now = new Date('2026-11-23T10:00:05Z');
const xDate = now.toUTCString();

function signed(headers: HeaderPairs, signedNames: string[], algorithm = 'hmac-sha1', keyId = id): HeaderPairs {
  return [...headers, ['Authorization', keyPairAuthorization(keyId, secret, algorithm, headers, signedNames)]];
}

const cannot = 'HMAC signature cannot be verified';
interface Case {
  what: string;
  headers: HeaderPairs;
  current: [number, string];
  legacy: [number, string];
}

const cases: Case[] = [
  {
    what: 'no Authorization',
    headers: [['X-Date', xDate]],
    current: [401, `${cannot}, a validate authorization header is required`],
    legacy: [401, `${cannot}, a validate authorization header is required`],
  },
  {
    what: 'Authorization sent twice',
    headers: [...signed([['X-Date', xDate]], ['x-date']), ['Authorization', 'hmac id="x"']],
    current: [401, 'HMAC do not support multiple HTTP header'],
    legacy: [403, 'authorization headers is invalidate'],
  },
  {
    what: 'a signed header sent twice',
    headers: [
      ...signed(
        [
          ['X-Date', xDate],
          ['Source', 'a'],
        ],
        ['x-date', 'source'],
      ),
      ['Source', 'b'],
    ],
    current: [401, 'HMAC do not support multiple HTTP header'],
    legacy: [403, 'authorization headers is invalidate'],
  },
  {
    what: 'not an hmac Authorization',
    headers: [
      ['X-Date', xDate],
      ['Authorization', 'Basic dXNlcjpwYXNz'],
    ],
    current: [401, 'HMAC authorization format error'],
    legacy: [403, 'authorization headers is invalidate'],
  },
  {
    what: 'headers parameter missing',
    headers: [
      ['X-Date', xDate],
      ['Authorization', `hmac id="${id}", algorithm="hmac-sha1", signature="abc="`],
    ],
    current: [401, 'HMAC authorization headers is invalidate'],
    legacy: [403, 'authorization headers is invalidate'],
  },
  {
    what: 'signature parameter missing',
    headers: [
      ['X-Date', xDate],
      ['Authorization', `hmac id="${id}", algorithm="hmac-sha1", headers="x-date"`],
    ],
    current: [401, 'HMAC id or signature missing'],
    legacy: [403, 'id or signature missing'],
  },
  {
    what: 'unsupported algorithm',
    headers: [
      ['X-Date', xDate],
      ['Authorization', `hmac id="${id}", algorithm="hmac-md5", headers="x-date", signature="abc="`],
    ],
    current: [401, 'HMAC algorithm hmac-md5 not supported'],
    legacy: [403, 'authorization headers is invalidate'],
  },
  {
    what: 'unknown key id',
    headers: signed([['X-Date', xDate]], ['x-date'], 'hmac-sha1', 'AKIDunknown'),
    current: [401, cannot],
    legacy: [403, cannot],
  },
  {
    what: 'neither date nor x-date signed',
    headers: signed(
      [
        ['X-Date', xDate],
        ['Source', 's'],
      ],
      ['source'],
    ),
    current: [401, `${cannot}, a valid date or x-date header is required`],
    legacy: [403, `${cannot}, a valid date header is required`],
  },
  {
    what: 'a listed header absent',
    headers: [
      ['X-Date', xDate],
      ['Authorization', keyPairAuthorization(id, secret, 'hmac-sha1', [['X-Date', xDate]], ['x-date', 'source'])],
    ],
    current: [401, `${cannot}, a valid source header is required`],
    legacy: [403, `${cannot}, a valid source header is required`],
  },
  {
    what: 'an unparsable X-Date',
    headers: signed([['X-Date', 'yesterday']], ['x-date']),
    current: [401, `${cannot}, a valid x-date header is required for HMAC Authentication`],
    legacy: [403, `${cannot}, a valid date header is required`],
  },
  {
    what: 'an X-Date 16 minutes old',
    headers: signed([['X-Date', new Date(now.getTime() - 16 * 60_000).toUTCString()]], ['x-date']),
    current: [401, `${cannot}, the x-date header is out of date for HMAC Authentication`],
    legacy: [403, `${cannot}, a valid date header is required`],
  },
  {
    what: 'a signature made with another secret',
    headers: [
      ['X-Date', xDate],
      ['Authorization', keyPairAuthorization(id, 'wrong-secret', 'hmac-sha1', [['X-Date', xDate]], ['x-date'])],
    ],
    current: [401, 'HMAC signature does not match'],
    legacy: [403, 'HMAC signature does not match'],
  },
];

for (const profile of ['current', 'legacy'] as MockProfile[]) {
  describe(`mock gateway rejections (profile ${profile})`, () => {
    let gateway: MockGateway;
    before(async () => {
      gateway = await startMockGateway({ profile, keys: [{ id, secret }], clock: { now: () => now } });
    });
    after(() => gateway.close());

    for (const testCase of cases) {
      it(`answers ${testCase[profile].join(' ')} for ${testCase.what}`, async () => {
        const response = await send(gateway.url, 'GET', '/release/x', testCase.headers);
        assert.deepEqual([response.status, response.json], [testCase[profile][0], { message: testCase[profile][1] }]);
        assert.equal(
          response.headers['x-ratelimit-limit'],
          undefined,
          'no throttling headers on an unauthenticated answer',
        );
        assert.match(String(response.headers['content-type']), /^application\/json/);
      });
    }
  });
}

describe('mock gateway X-Date window', () => {
  it('accepts an X-Date 14 minutes off in either direction', async () => {
    const gateway = await startMockGateway({ keys: [{ id, secret }], clock: { now: () => now } });
    try {
      for (const offset of [-14, 14]) {
        const headers = signed([['X-Date', new Date(now.getTime() + offset * 60_000).toUTCString()]], ['x-date']);
        assert.equal((await send(gateway.url, 'GET', '/x', headers)).status, 200);
      }
    } finally {
      await gateway.close();
    }
  });

  it('answers 413 for a body over the size limit', async () => {
    const gateway = await startMockGateway({ keys: [{ id, secret }], clock: { now: () => now }, maxBodyBytes: 10 });
    try {
      const response = await send(gateway.url, 'POST', '/x', signed([['X-Date', xDate]], ['x-date']), 'x'.repeat(11));
      assert.equal(response.status, 413);
    } finally {
      await gateway.close();
    }
  });
});
