import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

import { appSigningPath, appStringToSign } from '../../../src/cli/mockGateway/appStringToSign';
import { keyPairStringToSign } from '../../../src/cli/mockGateway/keyPairStringToSign';
import type { MockKey } from '../../../src/cli/mockGateway/mockKeys';
import type { MockRequest } from '../../../src/cli/mockGateway/mockRequest';
import { parseHmacAuthorization } from '../../../src/cli/mockGateway/parseHmacAuthorization';
import { verifyRequest } from '../../../src/cli/mockGateway/verifyRequest';

interface Vector {
  name: string;
  input: {
    scheme: string;
    secretId: string;
    secretKey: string;
    method?: string;
    url?: string;
    body?: string;
    date?: string;
  };
  expected: { signingString: string; headers: Record<string, string> };
}

const vectors = (
  JSON.parse(readFileSync(path.join(__dirname, '../../fixtures/signing/signing-vectors.json'), 'utf8')) as Vector[]
).filter((vector) => vector.input.scheme.startsWith('tencent-'));

function requestOf(vector: Vector): MockRequest {
  const url = new URL(vector.input.url ?? '/', 'http://gateway.invalid');
  const headers = new Map(
    Object.entries(vector.expected.headers).map(([name, value]) => [name.toLowerCase(), [value]]),
  );
  return {
    method: vector.input.method ?? 'GET',
    target: url.pathname + url.search,
    headers,
    body: Buffer.from(vector.input.body ?? '', 'utf8'),
  };
}

describe('mock gateway verifier against the spec vectors', () => {
  it('covers the six Tencent vectors', () => assert.equal(vectors.length, 6));

  for (const vector of vectors) {
    it(`rebuilds the signing string of ${vector.name.split(' ')[0]} and accepts its signature`, () => {
      const request = requestOf(vector);
      const auth = parseHmacAuthorization(vector.expected.headers.Authorization);
      assert.equal(auth.kind, 'ok');
      if (auth.kind !== 'ok') return;
      const app = vector.input.scheme === 'tencent-app';
      assert.equal(
        app ? appStringToSign(request, auth.headers) : keyPairStringToSign(request, auth.headers),
        vector.expected.signingString,
      );
      const key: MockKey = {
        id: vector.input.secretId,
        secret: vector.input.secretKey,
        usagePlanId: 'p',
        limit: 1,
        type: app ? 'app' : 'keypair',
      };
      const date = vector.expected.headers['X-Date'] ?? vector.expected.headers.Date;
      const verdict = verifyRequest(request, new Map([[key.id, key]]), 'current', new Date(date));
      assert.deepEqual(verdict, { ok: true, key });
    });
  }

  it('rejects a hex signature of the right signing string (T2 negative)', () => {
    const vector = vectors.find((v) => v.name.startsWith('T2'));
    assert.ok(vector);
    const request = requestOf(vector);
    request.headers.set('authorization', [
      vector.expected.headers.Authorization.replace(
        /signature="[^"]*"/,
        'signature="d1a57d87b4e8fcc000aac56cbfffb55406978415"',
      ),
    ]);
    const key: MockKey = {
      id: vector.input.secretId,
      secret: vector.input.secretKey,
      usagePlanId: 'p',
      limit: 1,
      type: 'keypair',
    };
    const verdict = verifyRequest(
      request,
      new Map([[key.id, key]]),
      'current',
      new Date(vector.expected.headers['X-Date']),
    );
    assert.deepEqual(verdict, {
      ok: false,
      rejection: { cause: 'signatureMismatch', status: 401, message: 'HMAC signature does not match' },
    });
  });
});

describe('appSigningPath', () => {
  it('strips only an exact release/prepub/test first segment and decodes', () => {
    assert.equal(appSigningPath('/release/data'), '/data');
    assert.equal(appSigningPath('/release'), '/');
    assert.equal(appSigningPath('/prepub/a/b'), '/a/b');
    assert.equal(appSigningPath('/testing/x'), '/testing/x');
    assert.equal(appSigningPath('/a%20b'), '/a b');
  });
});

describe('parseHmacAuthorization', () => {
  it('reads the four parameters in any order and lower-cases the header names', () => {
    assert.deepEqual(
      parseHmacAuthorization('hmac signature="c2ln", headers="Date Host", algorithm="HMAC-SHA1", id="AKID1"'),
      {
        kind: 'ok',
        id: 'AKID1',
        algorithm: 'hmac-sha1',
        headers: ['date', 'host'],
        signature: 'c2ln',
      },
    );
  });

  it('classifies the malformed shapes', () => {
    assert.equal(parseHmacAuthorization('Basic dXNlcjpwYXNz').kind, 'badFormat');
    assert.equal(parseHmacAuthorization('hmac id=AKID1').kind, 'badFormat');
    assert.equal(
      parseHmacAuthorization('hmac algorithm="hmac-sha1", headers="x-date", signature="x"').kind,
      'missingIdOrSignature',
    );
    assert.equal(parseHmacAuthorization('hmac id="AKID1", signature="x"').kind, 'missingParams');
  });
});
