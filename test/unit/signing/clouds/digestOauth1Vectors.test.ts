import assert from 'node:assert/strict';

import { createSigningPlan } from '../../../../src/core/signing/createSigningPlan';
import type { DigestChallenge } from '../../../../src/core/signing/digestChallenge';
import { answerDigestChallenge, digestHa1 } from '../../../../src/core/signing/digestResponse';
import { signRequest } from '../../../../src/core/signing/signRequest';
import { clockAt, itIsTheSharedCopy, readVectors, type VectorRequest, vectorRequest } from './cloudVectorKit';

interface DigestOauthVector {
  name: string;
  request: VectorRequest;
  credentials: Record<string, string>;
  challenge?: { realm: string; qop: string; algorithm?: string; nonce: string; opaque: string; userhash?: boolean };
  client?: { cnonce: string; nc: string; uri: string };
  time?: { oauth_timestamp: string; oauth_nonce: string };
  expected: Record<string, string>;
}

const vectors = readVectors<DigestOauthVector>('digest-oauth1-vectors.json');

function challengeOf(vector: DigestOauthVector): DigestChallenge {
  const written = vector.challenge!;
  return {
    realm: written.realm,
    nonce: written.nonce,
    opaque: written.opaque,
    algorithm: (written.algorithm ?? 'MD5').toUpperCase(),
    qop: [written.qop],
    stale: false,
    userhash: written.userhash === true,
  };
}

describe('digest and oauth1 vectors (RFC 7616 §3.9 + erratum 4897, RFC 2617 §3.5, RFC 5849 §1.2)', () => {
  itIsTheSharedCopy('digest-oauth1-vectors.json');

  it('holds 4 Digest and 2 OAuth entries', () => {
    assert.equal(vectors.filter((vector) => vector.name.startsWith('digest')).length, 4);
    assert.equal(vectors.filter((vector) => vector.name.startsWith('oauth1')).length, 2);
  });

  for (const vector of vectors.filter((candidate) => candidate.challenge !== undefined)) {
    it(`${vector.name}: response (and HA1, HA2, username hash where given)`, () => {
      const client = vector.client!;
      const input = {
        challenge: challengeOf(vector),
        username: vector.credentials.username,
        password: vector.credentials.password,
        method: vector.request.method,
        uri: client.uri,
        cnonce: client.cnonce,
        nonceCount: parseInt(client.nc, 16),
      };
      const answer = answerDigestChallenge(input);
      assert.equal(answer.response, vector.expected.response);
      if (vector.expected.ha1) assert.equal(digestHa1(input), vector.expected.ha1);
      if (vector.expected.ha2) assert.equal(answer.ha2, vector.expected.ha2);
      if (vector.expected.usernameHash) assert.equal(answer.username, vector.expected.usernameHash);
      assert.match(answer.authorization, new RegExp(`response="${vector.expected.response}"`));
      assert.match(answer.authorization, /, nc=00000001, /);
      assert.match(answer.authorization, new RegExp(`opaque="${vector.challenge!.opaque.replace(/[+/]/g, '\\$&')}"`));
    });
  }

  for (const vector of vectors.filter((candidate) => candidate.time?.oauth_nonce !== undefined)) {
    it(`${vector.name}: base string, signature and the header's oauth_signature`, () => {
      const { credentials, time } = vector as Required<DigestOauthVector>;
      const withVersion = vector.expected.signatureBaseString.includes('oauth_version');
      const plan = createSigningPlan('oauth1', credentials.consumerKey, {
        parameters: {
          token: credentials.token,
          realm: credentials.realm,
          nonce: time.oauth_nonce,
          ...(withVersion ? {} : { version: 'none' }),
        },
      });
      const signed = signRequest(
        vectorRequest(vector.request),
        plan,
        credentials.consumerSecret,
        clockAt(Number(time.oauth_timestamp) * 1000),
        {
          otherSecrets: new Map([[credentials.token, credentials.tokenSecret]]),
        },
      );
      assert.equal(signed.signing.signingString, vector.expected.signatureBaseString);
      assert.equal(signed.signing.signature, vector.expected.signature);
      const authorization = signed.request.headers.find((header) => header.name === 'Authorization')!.value;
      assert.ok(authorization.startsWith('OAuth realm="Photos", oauth_consumer_key="dpf43f3p2l4k3l03", '));
      const encoded = vector.expected.authorizationSignatureParam ?? encodeURIComponent(vector.expected.signature);
      assert.ok(authorization.endsWith(`oauth_signature="${encoded}"`), authorization);
    });
  }
});
