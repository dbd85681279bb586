import assert from 'node:assert/strict';

import { edgegridSigningKey } from '../../../../src/core/signing/akamaiEdgegridSigner';
import { createSigningPlan } from '../../../../src/core/signing/createSigningPlan';
import { signRequest } from '../../../../src/core/signing/signRequest';
import { clockAt, itIsTheSharedCopy, readVectors, type VectorRequest, vectorRequest } from './cloudVectorKit';

interface AkamaiVector {
  name: string;
  request: VectorRequest | null;
  credentials: { client_token?: string; client_secret: string; access_token?: string };
  time?: { timestamp: string; nonce: string };
  signing?: { headers_to_sign: string[]; max_body: number };
  expected: { dataToSign?: string; authorization?: string; signingKey: string };
}

const vectors = readVectors<AkamaiVector>('akamai-edgegrid-vectors.json');

/** `20140321T19:34:21+0000` as an instant. */
function instant(timestamp: string): number {
  const [, y, mo, d, time] = /^(\d{4})(\d\d)(\d\d)T(\d\d:\d\d:\d\d)\+0000$/.exec(timestamp)!;
  return Date.parse(`${y}-${mo}-${d}T${time}Z`);
}

describe('akamai-edgegrid vectors (AkamaiOPEN-edgegrid-python testcases, ../shared/spec/vectors)', () => {
  itIsTheSharedCopy('akamai-edgegrid-vectors.json');

  it('holds 15 requests and the signing-key entry', () => {
    assert.equal(vectors.filter((vector) => vector.request !== null).length, 15);
    assert.equal(vectors.length, 16);
  });

  for (const vector of vectors.filter((candidate) => candidate.request !== null)) {
    it(`${vector.name}: data to sign, signing key and Authorization byte for byte`, () => {
      const { time, signing, credentials } = vector as Required<AkamaiVector>;
      const parameters: Record<string, string> = {
        'access-token': credentials.access_token!,
        headers: signing.headers_to_sign.join(' '),
        'max-body': String(signing.max_body),
        nonce: time.nonce,
        // "POST too large": the reference clients sign the first max-body bytes; gwhttp does so when asked.
        truncate: 'yes',
      };
      const plan = createSigningPlan('akamai-edgegrid', credentials.client_token!, { parameters });
      const signed = signRequest(
        vectorRequest(vector.request!),
        plan,
        credentials.client_secret,
        clockAt(instant(time.timestamp)),
      );
      assert.equal(signed.signing.signingString, vector.expected.dataToSign);
      assert.equal(edgegridSigningKey(credentials.client_secret, time.timestamp), vector.expected.signingKey);
      const authorization = signed.request.headers.filter((header) => header.name === 'Authorization');
      assert.deepEqual(
        authorization.map((header) => header.value),
        [vector.expected.authorization],
      );
    });
  }

  // Not expressible in full: the entry's contentHashTest hashes sample_file.txt, which the file does not include.
  it('edgegrid signing key only: the signing key (its contentHashTest needs a file that is not included)', () => {
    const entry = vectors.find((vector) => vector.request === null)!;
    assert.equal(
      edgegridSigningKey(entry.credentials.client_secret, '20140321T19:34:21+0000'),
      entry.expected.signingKey,
    );
  });
});
