import assert from 'node:assert/strict';

import fc from 'fast-check';

import { systemClock } from '../../../src/core/ports';
import { createSigningPlan } from '../../../src/core/signing/createSigningPlan';
import type { SchemeName } from '../../../src/core/signing/signingTypes';
import type { SignedRequest } from '../../../src/core/signing/signingTypes';
import { signRequest } from '../../../src/core/signing/signRequest';
import {
  type ReceivedRequest,
  verifyApisix,
  verifyApisixLegacy,
  verifyCavage,
  verifyKong,
  verifyTencentApp,
  verifyTencentKeypair,
} from './loopbackVerifier';
import { outgoing } from './signingTestKit';

// The HMAC-family schemes; the others have their own verifier tests.
const verifiers: Partial<
  Record<SchemeName, (request: ReceivedRequest, known: Record<string, string>) => string | null>
> = {
  'tencent-keypair': verifyTencentKeypair,
  'tencent-app': verifyTencentApp,
  kong: verifyKong,
  apisix: verifyApisix,
  'apisix-legacy': verifyApisixLegacy,
  cavage: verifyCavage,
};

/** What a server receives for the signed request (target as node:http sends it). */
function received({ request }: SignedRequest): ReceivedRequest {
  const url = new URL(request.url);
  return {
    method: request.method,
    target: url.href.slice(url.origin.length),
    httpVersion: '1.1',
    headers: {},
    rawHeaders: [...request.headers.flatMap((header) => [header.name, header.value]), 'Host', url.host],
    body: Buffer.from(request.body ?? new Uint8Array(0)),
  };
}

const word = fc.stringMatching(/^[A-Za-z0-9._~-]{1,8}$/);
const queryValue = fc.oneof(word, fc.constantFrom('', 'a b', 'x+y', '%E5%BC%A0', 'a%20b', '测试'));
const query = fc
  .array(fc.tuple(word, fc.option(queryValue, { nil: null })), { maxLength: 5 })
  .map((pairs) => pairs.map(([key, value]) => (value === null ? key : `${key}=${value}`)).join('&'));
const path = fc
  .array(fc.oneof(word, fc.constantFrom('release', 'test', 'a b', '张')), { minLength: 1, maxLength: 4 })
  .map((segments) => `/${segments.join('/')}`);

describe('signing properties (random paths and queries, independent verifier)', () => {
  for (const scheme of Object.keys(verifiers) as SchemeName[]) {
    it(`${scheme}: whatever the path, query and body, the verifier accepts what is sent`, () => {
      fc.assert(
        fc.property(
          path,
          query,
          fc.option(fc.string({ maxLength: 40 }), { nil: null }),
          (requestPath, requestQuery, body) => {
            const headers: [string, string][] = [
              ['Accept', 'application/json'],
              ['Content-Type', 'application/json'],
            ];
            const request = outgoing(
              body === null ? 'GET' : 'POST',
              `https://gw.example.com${requestPath}${requestQuery ? `?${requestQuery}` : ''}`,
              headers,
              body,
            );
            const plan = createSigningPlan(scheme, 'key-1', {
              bodyDigest: scheme !== 'tencent-keypair' && scheme !== 'tencent-app' && scheme !== 'apisix-legacy',
            });
            const signed = signRequest(request, plan, 'prop-secret', systemClock);
            assert.equal(
              verifiers[scheme]?.(received(signed), { 'key-1': 'prop-secret' }),
              null,
              JSON.stringify({ url: signed.request.url, signingString: signed.signing.signingString }),
            );
          },
        ),
        { numRuns: 150 },
      );
    });
  }
});
