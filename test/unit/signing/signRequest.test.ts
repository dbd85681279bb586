import assert from 'node:assert/strict';

import { GwHttpError } from '../../../src/core/errors';
import { createSigningPlan } from '../../../src/core/signing/createSigningPlan';
import { selectSigning } from '../../../src/core/signing/selectSigning';
import { hmacBase64 } from '../../../src/core/signing/signingAlgorithm';
import { signRequest } from '../../../src/core/signing/signRequest';
import { fixedClock, header, names, outgoing, prepared } from './signingTestKit';

const host = 'service-kuy3rwbs-1251762227.ap-guangzhou.apigateway.myqcloud.com';
const docTemplate =
  'hmac id="AKIDCgOPWjQ6BAxvHtyckhWABJVYSBj548pN", algorithm="hmac-sha1", headers="Date Host", signature="630c82836582f78b90f293b2f38bda9c"';

function docRequest() {
  return outgoing(
    'POST',
    `http://${host}/release`,
    [
      ['Accept', 'text/html'],
      ['Host', `${host}/release`],
      ['Content-Type', 'application/x-www-form-urlencoded;charset=utf-8'],
      ['Date', 'Sun, 21 Sep 2017 06:18:21 GMT'],
      ['Authorization', docTemplate],
    ],
    'QueryParam_a=value1&QueryParam_b=value2',
  );
}

function isSigningError(pattern: RegExp) {
  return (error: unknown) => error instanceof GwHttpError && error.code === 'signing' && pattern.test(error.message);
}

describe('signRequest', () => {
  it('signs the doc sample template: fresh Date, Host from the URL, stale signature replaced in place', () => {
    const request = docRequest();
    const { plan } = selectSigning(prepared(request));
    assert.ok(plan);
    const { request: sent, signing } = signRequest(request, plan, 'doc-secret', fixedClock('2026-11-23T10:00:00Z'));
    assert.deepEqual(names(sent.headers), ['Accept', 'Host', 'Content-Type', 'Date', 'Authorization']);
    assert.equal(header(sent.headers, 'Date'), 'Mon, 23 Nov 2026 10:00:00 GMT');
    assert.equal(header(sent.headers, 'Host'), host);
    assert.deepEqual(signing.signedHeaders, ['date', 'host']);
    assert.equal(signing.signingString, `date: Mon, 23 Nov 2026 10:00:00 GMT\nhost: ${host}`);
    const signature = hmacBase64('hmac-sha1', 'doc-secret', signing.signingString);
    assert.equal(
      header(sent.headers, 'Authorization'),
      `hmac id="AKIDCgOPWjQ6BAxvHtyckhWABJVYSBj548pN", algorithm="hmac-sha1", headers="date host", signature="${signature}"`,
    );
    assert.ok(!JSON.stringify(sent).includes('Sun, 21 Sep 2017'), 'the stale Date is never sent');
    assert.ok(!JSON.stringify(sent).includes('630c8283'), 'the stale signature is never sent');
  });

  it('is pure: the input is untouched and signing again for a redirect hop gives a fresh date and signature', () => {
    const request = docRequest();
    const snapshot = JSON.stringify({ ...request, body: Array.from(request.body ?? []) });
    const { plan } = selectSigning(prepared(request));
    assert.ok(plan);
    const first = signRequest(request, plan, 'k', fixedClock('2026-11-23T10:00:00Z'));
    const hop = signRequest(
      { ...first.request, url: `https://${host}/release/next` },
      plan,
      'k',
      fixedClock('2026-11-23T10:00:05Z'),
    );
    assert.equal(JSON.stringify({ ...request, body: Array.from(request.body ?? []) }), snapshot);
    assert.equal(header(hop.request.headers, 'Date'), 'Mon, 23 Nov 2026 10:00:05 GMT');
    assert.notEqual(hop.signing.authorization, first.signing.authorization);
    assert.deepEqual(names(hop.request.headers), names(first.request.headers), 'no header duplicated by re-signing');
  });

  it('with x-date removes a stale Date (never sends an unsigned date header) and sets Source', () => {
    const request = outgoing('GET', 'https://example.com/release/x', [
      ['Date', 'Sun, 21 Sep 2017 06:18:21 GMT'],
      ['Accept', 'application/json'],
    ]);
    const plan = createSigningPlan('tencent-keypair', 'AKIDx', { source: 'gwhttp' });
    const { request: sent, signing } = signRequest(request, plan, 's', fixedClock('2025-04-01T08:00:00Z'));
    assert.deepEqual(sent.headers, [
      { name: 'X-Date', value: 'Tue, 01 Apr 2025 08:00:00 GMT' },
      { name: 'Accept', value: 'application/json' },
      { name: 'Source', value: 'gwhttp' },
      { name: 'Authorization', value: signing.authorization },
    ]);
    assert.equal(signing.signingString, 'x-date: Tue, 01 Apr 2025 08:00:00 GMT\nsource: gwhttp');
  });

  it('refuses a signed header that is missing, repeated, empty or hop-by-hop (E2, E3)', () => {
    const clock = fixedClock('2025-04-01T08:00:00Z');
    const plan = (headers: string) =>
      createSigningPlan('tencent-keypair', 'AKIDx', { signedHeaders: headers.split(' ') });
    assert.throws(
      () => signRequest(outgoing('GET', 'https://e.com/', []), plan('x-date source'), 's', clock),
      isSigningError(/"source" is not in the request/),
    );
    assert.throws(
      () =>
        signRequest(
          outgoing('GET', 'https://e.com/', [
            ['Source', 'a'],
            ['source', 'b'],
          ]),
          plan('x-date source'),
          's',
          clock,
        ),
      isSigningError(/appears 2 times/),
    );
    assert.throws(
      () => signRequest(outgoing('GET', 'https://e.com/', [['Source', '  ']]), plan('x-date source'), 's', clock),
      isSigningError(/empty value/),
    );
    assert.throws(
      () =>
        signRequest(
          outgoing('GET', 'https://e.com/', [['Connection', 'close']]),
          plan('x-date connection'),
          's',
          clock,
        ),
      isSigningError(/hop-by-hop/),
    );
  });

  it('never leaves a user-written Authorization or date header duplicated (E2)', () => {
    const request = outgoing('GET', 'https://e.com/a', [
      ['X-Date', 'old'],
      ['Authorization', 'hmac id="AKIDx", algorithm="hmac-sha1", headers="x-date"'],
      ['x-date', 'older'],
      ['authorization', 'hmac id="AKIDx"'],
    ]);
    const { plan } = selectSigning(prepared(request));
    assert.ok(plan);
    const { request: sent } = signRequest(request, plan, 's', fixedClock('2025-04-01T08:00:00Z'));
    assert.deepEqual(names(sent.headers), ['X-Date', 'Authorization']);
  });

  it('keeps an unrelated Authorization (e.g. Bearer) when the scheme signs into X-HMAC-* headers', () => {
    const request = outgoing('GET', 'https://e.com/a', [['Authorization', 'Bearer t']]);
    const { request: sent } = signRequest(
      request,
      createSigningPlan('apisix-legacy', 'user-key'),
      's',
      fixedClock('2025-04-01T08:00:00Z'),
    );
    assert.deepEqual(names(sent.headers), [
      'Authorization',
      'Date',
      'X-HMAC-SIGNATURE',
      'X-HMAC-ALGORITHM',
      'X-HMAC-ACCESS-KEY',
    ]);
  });

  it('adds the Host header when host is signed and the request has none (value = URL host with port)', () => {
    const plan = createSigningPlan('cavage', 'key-1', { signedHeaders: ['(request-target)', 'host', 'date'] });
    const { request: sent, signing } = signRequest(
      outgoing('GET', 'http://127.0.0.1:8080/p?q=1', []),
      plan,
      's',
      fixedClock('2025-04-01T08:00:00Z'),
    );
    assert.equal(header(sent.headers, 'Host'), '127.0.0.1:8080');
    assert.equal(
      signing.signingString,
      '(request-target): get /p?q=1\nhost: 127.0.0.1:8080\ndate: Tue, 01 Apr 2025 08:00:00 GMT',
    );
  });

  it('upper-cases the method it sends and signs', () => {
    const { request: sent, signing } = signRequest(
      outgoing('post', 'https://e.com/x', []),
      createSigningPlan('apisix', 'k'),
      's',
      fixedClock('2025-04-01T08:00:00Z'),
    );
    assert.equal(sent.method, 'POST');
    assert.match(signing.signingString, /^k\nPOST \/x\n/);
  });
});
