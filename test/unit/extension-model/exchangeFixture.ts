import type { ExchangeForView } from '../../../src/core/presentation/exchangeForView';
import { Redactor } from '../../../src/core/redaction';

export const secret = 'SECRETKEY-1234567890abcdef';

/** A finished exchange as the run pipeline would hand it over, with overridable parts. */
export function exchangeFixture(
  overrides: Partial<ExchangeForView> = {},
  responseOverrides: Partial<ExchangeForView['response']> = {},
): ExchangeForView {
  const bodyText = '{"ok":true,"items":[1,2]}';
  return {
    id: 7,
    title: 'Create an order',
    source: '/tmp/orders.gwhttp:3',
    environment: 'test',
    sentAt: new Date('2026-11-23T10:00:00Z'),
    request: {
      method: 'POST',
      url: 'http://127.0.0.1:8080/release/orders',
      headers: [
        { name: 'X-Date', value: 'Mon, 23 Nov 2026 10:00:00 GMT' },
        {
          name: 'Authorization',
          value: 'hmac id="AKIDtest", algorithm="hmac-sha256", headers="x-date", signature="c2ln"',
        },
        { name: 'X-Api-Key', value: 'plain-credential' },
      ],
      body: Buffer.from(`{"sku":"A-1","note":"${secret}"}`),
    },
    signing: {
      scheme: 'tencent-keypair',
      keyId: 'AKIDtest',
      algorithm: 'hmac-sha256',
      signedHeaders: ['x-date'],
      signingString: 'x-date: Mon, 23 Nov 2026 10:00:00 GMT',
      authorization: 'hmac id="AKIDtest", algorithm="hmac-sha256", headers="x-date", signature="c2ln"',
    },
    response: {
      status: 200,
      statusText: 'OK',
      headers: [
        { name: 'Content-Type', value: 'application/json' },
        { name: 'X-RateLimit-Used', value: '100/125' },
      ],
      body: Buffer.from(bodyText),
      bodyText,
      bodyTruncated: false,
      size: bodyText.length,
      contentType: 'application/json',
      timings: { dnsMs: 0, connectMs: 1.2, tlsMs: 0, firstByteMs: 5, downloadMs: 0.5, totalMs: 7 },
      ...responseOverrides,
    },
    throttle: {
      limit: 125,
      used: 100,
      usedOf: 125,
      usedRaw: '100/125',
      remaining: 25,
      resetSeconds: null,
      retryAfterSeconds: null,
      usagePlanId: 'usagePlan-abc',
      secretId: 'AKIDtest',
      percentUsed: 80,
      notes: [],
    },
    explanation: null,
    redactor: new Redactor([secret]),
    ...overrides,
  };
}
