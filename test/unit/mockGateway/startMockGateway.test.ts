import { strict as assert } from 'node:assert';

import { demoAppKeyId, demoAppSecret, demoKeyPairId, demoKeyPairSecret } from '../../../src/cli/mockGateway/mockKeys';
import { type MockGateway, startMockGateway } from '../../../src/cli/mockGateway/startMockGateway';
import { appAuthorization, contentMd5, type HeaderPairs, keyPairAuthorization, send } from './testSigner';

const start = new Date('2026-11-23T10:00:05Z');

describe('mock gateway over loopback', () => {
  let current = start;
  let gateway: MockGateway;
  const logLines: string[] = [];

  before(async () => {
    gateway = await startMockGateway({ port: 0, clock: { now: () => current }, log: (line) => logLines.push(line) });
  });
  after(() => gateway.close());
  beforeEach(() => {
    current = start;
  });

  function keyPairHeaders(algorithm = 'hmac-sha1', date = current): HeaderPairs {
    const headers: HeaderPairs = [
      ['X-Date', date.toUTCString()],
      ['Source', 'gwhttp-test'],
    ];
    return [
      ...headers,
      [
        'Authorization',
        keyPairAuthorization(demoKeyPairId, demoKeyPairSecret, algorithm, headers, ['x-date', 'source']),
      ],
    ];
  }

  it('listens on 127.0.0.1 with a free port', () => {
    assert.match(gateway.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.ok(gateway.port > 0);
  });

  for (const algorithm of ['hmac-sha1', 'hmac-sha256']) {
    it(`accepts a key-pair request signed with ${algorithm}: 200, echo and throttling headers`, async () => {
      const response = await send(gateway.url, 'GET', '/release/orders?id=7&tag=a&tag=b', keyPairHeaders(algorithm));
      assert.equal(response.status, 200, response.text);
      assert.equal(response.json.method, 'GET');
      assert.equal(response.json.path, '/release/orders');
      assert.deepEqual(response.json.query, { id: '7', tag: ['a', 'b'] });
      assert.equal((response.json.headers as Record<string, string>).source, 'gwhttp-test');
      assert.deepEqual(response.json.auth, {
        keyId: demoKeyPairId,
        scheme: 'tencent-keypair',
        usagePlanId: 'usagePlan-demo',
      });
      assert.equal(response.headers['x-ratelimit-limit'], '500');
      assert.match(String(response.headers['x-ratelimit-used']), /^\d+\/500$/);
      assert.equal(response.headers['x-usageplan-id'], 'usagePlan-demo');
      assert.equal(response.headers['x-secret-id'], demoKeyPairId);
      assert.equal(response.headers.date, current.toUTCString());
    });
  }

  it('accepts a key-pair request that signs an unchecked Date instead of X-Date, however old', async () => {
    const headers: HeaderPairs = [['Date', 'Sun, 21 Sep 2017 06:18:21 GMT']];
    headers.push([
      'Authorization',
      keyPairAuthorization(demoKeyPairId, demoKeyPairSecret, 'hmac-sha1', headers, ['date']),
    ]);
    assert.equal((await send(gateway.url, 'POST', '/release', headers, 'a=1')).status, 200);
  });

  it('accepts an app-auth JSON POST and echoes the body as text and JSON', async () => {
    const body = '{"sku":"A-1","qty":2}';
    const xDate = current.toUTCString();
    const md5 = contentMd5(body);
    const signingString = `x-date: ${xDate}\nPOST\napplication/json\napplication/json\n${md5}\n/orders?a=1&b=2`;
    const headers: HeaderPairs = [
      ['Accept', 'application/json'],
      ['Content-Type', 'application/json'],
      ['X-Date', xDate],
      ['Content-MD5', md5],
      ['Authorization', appAuthorization(demoAppKeyId, demoAppSecret, 'hmac-sha256', ['x-date'], signingString)],
    ];
    const response = await send(gateway.url, 'POST', '/release/orders?b=2&a=1', headers, body);
    assert.equal(response.status, 200, response.text);
    assert.equal(response.json.body, body);
    assert.deepEqual(response.json.json, { sku: 'A-1', qty: 2 });
    assert.equal((response.json.auth as { scheme: string }).scheme, 'tencent-app');
    assert.equal(response.headers['x-secret-id'], demoAppKeyId);
  });

  it('answers an app-auth mismatch with the server string-to-sign, newlines as #', async () => {
    const xDate = current.toUTCString();
    const headers: HeaderPairs = [
      ['Accept', 'application/json'],
      ['X-Date', xDate],
      [
        'Authorization',
        appAuthorization(
          demoAppKeyId,
          demoAppSecret,
          'hmac-sha1',
          ['x-date'],
          `x-date: ${xDate}\nGET\n*/*\n\n\n/items`,
        ),
      ],
    ];
    const response = await send(gateway.url, 'GET', '/release/items?b=2&a=1', headers);
    assert.equal(response.status, 401);
    assert.equal(
      response.json.message,
      `HMAC signature does not match, Server StringToSign:x-date: ${xDate}#GET#application/json###/items?a=1&b=2`,
    );
  });

  it('logs one line per request without the secret', () => {
    assert.ok(logLines.length >= 4);
    assert.match(logLines[0], /^GET \/release\/orders\?id=7&tag=a&tag=b -> 200 key=AKID/);
    assert.ok(logLines.every((line) => !line.includes(demoKeyPairSecret) && !line.includes(demoAppSecret)));
  });
});
