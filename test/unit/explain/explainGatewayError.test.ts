import { strict as assert } from 'node:assert';

import { explainGatewayError, gatewayErrorTable } from '../../../src/core/explain/explainGatewayError';
import type { HeaderField } from '../../../src/core/model/outgoing';
import type { SigningInfo } from '../../../src/core/signing/signingTypes';

const sentAt = new Date('2026-11-23T10:00:00Z');
const keyPairSigning: SigningInfo = {
  scheme: 'tencent-keypair',
  keyId: 'AKIDgwTEST000000000000000000000000001',
  algorithm: 'hmac-sha1',
  signedHeaders: ['x-date', 'source'],
  signingString: 'x-date: Mon, 23 Nov 2026 10:00:00 GMT\nsource: gwhttp',
  authorization:
    'hmac id="AKIDgwTEST000000000000000000000000001", algorithm="hmac-sha1", headers="x-date source", signature="abc="',
  signature: 'abc=',
};

function explain(
  status: number,
  message: string,
  options: { headers?: HeaderField[]; signing?: SigningInfo | null; raw?: boolean } = {},
) {
  return explainGatewayError({
    status,
    headers: options.headers ?? [],
    bodyText: options.raw ? message : JSON.stringify({ message }),
    signing: options.signing === undefined ? keyPairSigning : options.signing,
    sentAt,
  });
}

const cannot = 'HMAC signature cannot be verified';
/** Every text of signing.md §8 (both Tencent generations, Kong, APISIX) with its status and expected code. */
const documented: [number, string, string][] = [
  [401, `${cannot}, a validate authorization header is required`, 'tencent.noAuthorization'],
  [401, 'HMAC authorization format error.', 'tencent.authorizationFormat'],
  [403, 'authorization headers is invalidate', 'tencent.authorizationInvalid'],
  [401, 'HMAC authorization headers is invalidate.', 'tencent.authorizationParams'],
  [401, 'HMAC id or signature missing.', 'tencent.idOrSignatureMissing'],
  [403, 'id or signature missing', 'tencent.idOrSignatureMissing'],
  [401, 'HMAC do not support multiple HTTP header.', 'tencent.multipleHeaders'],
  [401, 'HMAC algorithm hmac-md5 not supported.', 'tencent.algorithmNotSupported'],
  [401, `${cannot}, a valid source header is required.`, 'tencent.missingHeader'],
  [403, `${cannot}, a valid content-md5 header is required`, 'tencent.missingHeader'],
  [401, `${cannot}, a valid date or x-date header is required.`, 'tencent.noDateSigned'],
  [403, `${cannot}, a valid date header is required`, 'tencent.dateRequired'],
  [401, `${cannot}, a valid x-date header is required for HMAC Authentication.`, 'tencent.xDateInvalid'],
  [401, `${cannot}, the x-date header is out of date for HMAC Authentication.`, 'tencent.xDateOutOfDate'],
  [401, `${cannot}.`, 'tencent.cannotVerify'],
  [403, cannot, 'tencent.cannotVerify'],
  [401, 'HMAC apikey is invalid for API.', 'tencent.apiKeyNotBound'],
  [403, 'Found no validate usage plan', 'tencent.noUsagePlan'],
  [401, 'HMAC signature does not match.', 'tencent.signatureMismatch'],
  [403, 'HMAC signature does not match', 'tencent.signatureMismatch'],
  [
    401,
    'HMAC signature does not match, Server StringToSign:x-date: a#GET#application/json###/items',
    'tencent.appSignatureMismatch',
  ],
  [429, 'API rate limit exceeded', 'tencent.rateLimited'],
  [429, 'API quota exceeded', 'tencent.quotaExceeded'],
  [404, 'Not Found Host', 'tencent.noHost'],
  [404, 'There is no api match host[service-x.gz.apigw.tencentcs.com]', 'tencent.noApiMatch'],
  [404, 'There is no api match uri[/release/nothing]', 'tencent.noApiMatch'],
  [426, 'Not allow use HTTPS protocol', 'tencent.protocolNotAllowed'],
  [429, 'req is cross origin, api /x need open cors flag on qcloud apigateway.', 'tencent.corsNotOpen'],
  [401, 'Unauthorized', 'kong.unauthorized'],
  [401, `${cannot}, a valid date or x-date header is required for HMAC Authentication`, 'kong.dateRequired'],
  [401, "client request can't be validated", 'apisix.cannotValidate'],
  [401, "client request can't be validated: missing Authorization header", 'apisix.missingAuthorization'],
  [
    401,
    "client request can't be validated: Authorization header does not start with 'Signature'",
    'apisix.notSignature',
  ],
  [401, 'Invalid signature', 'apisix.invalidSignature'],
  [401, 'Clock skew exceeded', 'apisix.clockSkew'],
  [401, 'Invalid GMT format time', 'apisix.badDate'],
  [401, 'Date header missing. failed to validate clock skew', 'apisix.dateMissing'],
  [401, 'keyId or signature missing', 'apisix.keyIdOrSignatureMissing'],
  [401, 'Invalid key_id', 'apisix.invalidKeyId'],
  [401, 'Invalid algorithm', 'apisix.invalidAlgorithm'],
  [401, 'Invalid digest', 'apisix.invalidDigest'],
];

describe('explainGatewayError: every documented message', () => {
  for (const [status, message, code] of documented) {
    it(`${status} "${message.slice(0, 70)}" → ${code}`, () => {
      const explanation = explain(status, message);
      assert.ok(explanation, 'explained');
      assert.equal(explanation.code, code);
      assert.equal(explanation.gatewayMessage, message);
      assert.ok(explanation.cause.length > 10 && explanation.fix.length > 10);
      assert.ok(!explanation.cause.includes('{0}') && !explanation.fix.includes('{0}'));
    });
  }

  it('every table entry is reached by at least one documented message', () => {
    const reached = new Set(documented.map(([, , code]) => code));
    assert.deepEqual(
      gatewayErrorTable
        // The standard schemes' entries are reached in explainStandardSchemes.test.ts.
        .filter((entry) => ['tencent', 'kong', 'apisix', 'any'].includes(entry.gateway))
        .map((entry) => entry.code)
        .filter((code) => !reached.has(code)),
      [],
    );
  });
});

describe('explainGatewayError: matching', () => {
  it('ignores case, extra spaces and a trailing period, and reads a text body', () => {
    assert.equal(
      explain(401, '  hmac SIGNATURE does not   match.\n', { raw: true })?.code,
      'tencent.signatureMismatch',
    );
  });

  it('reads the message from nested JSON shapes and ignores other fields', () => {
    const body = JSON.stringify({ requestId: 'r-1', error: { message: 'API rate limit exceeded' } });
    assert.equal(
      explainGatewayError({ status: 429, headers: [], bodyText: body, signing: null, sentAt })?.code,
      'tencent.rateLimited',
    );
  });

  it('returns null for a success and for an unrecognised error', () => {
    assert.equal(explain(200, 'HMAC signature does not match'), null);
    assert.equal(explain(500, 'upstream exploded'), null);
    assert.equal(explain(401, '', { raw: true }), null);
  });

  it('does not take a longer text containing "Unauthorized" for Kong\'s bare message', () => {
    assert.equal(explain(401, 'Unauthorized: token expired'), null);
  });

  it('names the missing header and the unsupported algorithm', () => {
    const missing = explain(401, `${cannot}, a valid source header is required`);
    assert.match(missing?.cause ?? '', /`source` is listed/);
    assert.deepEqual(missing?.details[0], { label: 'missing header', value: 'source' });
    assert.match(explain(401, 'HMAC algorithm hmac-sha3 not supported')?.cause ?? '', /`hmac-sha3`/);
  });
});

describe('explainGatewayError: details', () => {
  it('shows the local signing string and key id for a signature mismatch', () => {
    const details = explain(401, 'HMAC signature does not match')?.details ?? [];
    assert.deepEqual(details.find((d) => d.label === 'key id')?.value, keyPairSigning.keyId);
    assert.equal(
      details.find((d) => d.label === 'local signing string')?.value,
      JSON.stringify(keyPairSigning.signingString),
    );
    assert.equal(details.find((d) => d.label === 'signed headers')?.value, 'x-date source');
  });

  it('says so when the request was not signed', () => {
    assert.deepEqual(explain(401, 'HMAC signature does not match', { signing: null })?.details, [
      { label: 'signing', value: 'this request was not signed by gwhttp' },
    ]);
  });

  it('computes the clock offset from the response Date for "out of date"', () => {
    const headers = [{ name: 'Date', value: new Date(sentAt.getTime() + 1000_000).toUTCString() }];
    const details =
      explain(401, `${cannot}, the x-date header is out of date for HMAC Authentication`, { headers })?.details ?? [];
    assert.equal(
      details.find((d) => d.label === 'clock offset')?.value,
      'the local clock is 1000 s (16 min 40 s) behind the gateway',
    );
    assert.equal(details.find((d) => d.label === 'signed date')?.value, 'x-date: Mon, 23 Nov 2026 10:00:00 GMT');
    const ahead = explain(401, `${cannot}, the x-date header is out of date`, {
      headers: [{ name: 'date', value: new Date(sentAt.getTime() - 30_000).toUTCString() }],
    });
    assert.equal(
      ahead?.details.find((d) => d.label === 'clock offset')?.value,
      'the local clock is 30 s ahead of the gateway',
    );
  });

  it('reports an unknown offset when the response has no Date', () => {
    const details = explain(401, `${cannot}, the x-date header is out of date for HMAC Authentication`)?.details ?? [];
    assert.match(details.find((d) => d.label === 'clock offset')?.value ?? '', /^unknown/);
  });

  it('explains a 429 with the quota state and Retry-After', () => {
    const headers = [
      { name: 'Date', value: sentAt.toUTCString() },
      { name: 'Retry-After', value: '42' },
      { name: 'X-RateLimit-Limit', value: '500' },
      { name: 'X-RateLimit-Used', value: '500/500' },
      { name: 'X-UsagePlan-ID', value: 'usagePlan-1' },
      { name: 'X-Secret-ID', value: 'AKID1' },
    ];
    assert.deepEqual(explain(429, 'API rate limit exceeded', { headers })?.details, [
      { label: 'retry after', value: '42 s' },
      { label: 'used', value: '500/500' },
      { label: 'limit', value: '500' },
      { label: 'usage plan', value: 'usagePlan-1' },
      { label: 'key id', value: 'AKID1' },
    ]);
  });

  it('explains an unlisted 429 with a Retry-After date', () => {
    const explanation = explain(429, 'Too Many Requests', {
      raw: true,
      headers: [{ name: 'Retry-After', value: new Date(sentAt.getTime() + 5000).toUTCString() }],
    });
    assert.equal(explanation?.code, 'http.rateLimited');
    assert.deepEqual(explanation?.details[0], { label: 'retry after', value: '5 s' });
  });

  it('shows the server string-to-sign and the first differing line for an app-auth mismatch', () => {
    const signing: SigningInfo = {
      ...keyPairSigning,
      scheme: 'tencent-app',
      keyId: 'APID1',
      signedHeaders: ['x-date'],
      signingString: 'x-date: D\nGET\n*/*\n\n\n/items',
    };
    const details =
      explain(401, 'HMAC signature does not match, Server StringToSign:x-date: D#GET#application/json###/items', {
        signing,
      })?.details ?? [];
    assert.equal(
      details.find((d) => d.label === 'server string-to-sign')?.value,
      JSON.stringify('x-date: D\nGET\napplication/json\n\n\n/items'),
    );
    assert.equal(
      details.find((d) => d.label === 'first difference')?.value,
      'line 3: local "*/*" vs server "application/json"',
    );
    const same = explain(401, 'HMAC signature does not match, Server StringToSign:x-date: D#GET#*/*###/items', {
      signing,
    });
    assert.match(same?.details.find((d) => d.label === 'first difference')?.value ?? '', /secret differs/);
  });
});
