import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { GwHttpError } from '../../../src/core/errors';
import type { HeaderField, OutgoingRequest } from '../../../src/core/model/outgoing';
import { createSigningPlan } from '../../../src/core/signing/createSigningPlan';
import { parseHttpDate } from '../../../src/core/signing/httpDate';
import { isSigningAlgorithm } from '../../../src/core/signing/signingAlgorithm';
import { isSchemeName, type SigningPlan } from '../../../src/core/signing/signingTypes';
import { buildSignedRequest, signRequest } from '../../../src/core/signing/signRequest';

interface VectorInput {
  scheme: string;
  secretId: string;
  secretKey: string;
  algorithm?: string;
  dateHeader?: 'date' | 'x-date';
  date?: string;
  source?: string;
  method?: string;
  url?: string;
  headers?: [string, string][] | Record<string, string>;
  body?: string;
  bodyDigest?: boolean;
  signedHeaders?: string[];
  encodeUriParams?: boolean;
  signatureHeader?: 'Authorization' | 'Signature';
}

interface Vector {
  name: string;
  input: VectorInput;
  expected: {
    signingString: string;
    signature: string;
    authorization: string;
    headers: Record<string, string>;
    scheme: string;
  };
}

const vectors = JSON.parse(
  readFileSync(path.join(__dirname, '../../fixtures/signing/signing-vectors.json'), 'utf8'),
) as Vector[];

function inputHeaders(input: VectorInput): HeaderField[] {
  const pairs = Array.isArray(input.headers) ? input.headers : Object.entries(input.headers ?? {});
  return pairs.map(([name, value]) => ({ name, value }));
}

function vectorRequest(input: VectorInput): OutgoingRequest {
  return {
    method: input.method ?? 'GET',
    url: input.url ?? '/',
    headers: inputHeaders(input),
    body: input.body === undefined ? null : new Uint8Array(Buffer.from(input.body, 'utf8')),
  };
}

function vectorPlan(input: VectorInput): SigningPlan {
  assert.ok(isSchemeName(input.scheme), `unknown scheme ${input.scheme}`);
  const algorithm = input.algorithm;
  if (algorithm !== undefined) assert.ok(isSigningAlgorithm(algorithm));
  return createSigningPlan(input.scheme, input.secretId, {
    algorithm: algorithm !== undefined && isSigningAlgorithm(algorithm) ? algorithm : undefined,
    dateHeader: input.dateHeader,
    source: input.source ?? null,
    signedHeaders: input.signedHeaders,
    bodyDigest: input.bodyDigest ?? false,
    encodeQuery: input.encodeUriParams ?? true,
    signatureHeader: input.signatureHeader ?? 'Authorization',
    line: 1,
  });
}

/** The vector's instant: its `date`, else the Date/X-Date it lists among its headers. */
function vectorClock(input: VectorInput) {
  const text = input.date ?? inputHeaders(input).find((field) => /^(x-)?date$/i.test(field.name))?.value;
  assert.ok(text, 'vector has a date');
  const date = parseHttpDate(text);
  assert.ok(date, `IMF-fixdate ${text}`);
  return { now: () => date };
}

function assertHeaders(sent: HeaderField[], vector: Vector): void {
  for (const [name, value] of Object.entries(vector.expected.headers)) {
    const matches = sent.filter((field) => field.name.toLowerCase() === name.toLowerCase());
    assert.equal(matches.length, 1, `exactly one ${name} header`);
    assert.equal(matches[0].name, name, `header name written as ${name}`);
    assert.equal(matches[0].value, value, `${name} value`);
  }
  const allowed = new Set(
    [...Object.keys(vector.expected.headers), ...inputHeaders(vector.input).map((field) => field.name)].map((name) =>
      name.toLowerCase(),
    ),
  );
  for (const field of sent) assert.ok(allowed.has(field.name.toLowerCase()), `unexpected header ${field.name}`);
}

describe('signing vectors (signing-vectors.json)', () => {
  it('holds all 17 vectors of the spec', () => {
    assert.equal(vectors.length, 17);
  });

  for (const vector of vectors) {
    it(`reproduces ${vector.name}`, () => {
      const plan = vectorPlan(vector.input);
      const { request, signing } = buildSignedRequest(
        vectorRequest(vector.input),
        plan,
        vector.input.secretKey,
        vectorClock(vector.input),
        false,
      );
      assert.equal(signing.scheme, vector.expected.scheme);
      assert.equal(signing.signingString, vector.expected.signingString);
      assert.equal(signing.signature, vector.expected.signature);
      assert.equal(signing.authorization, vector.expected.authorization);
      assertHeaders(request.headers, vector);
    });
  }

  it('signRequest (with its header checks) gives the same result for every vector without a non-ASCII header', () => {
    for (const vector of vectors.filter((candidate) => !candidate.name.startsWith('T3'))) {
      const signed = signRequest(
        vectorRequest(vector.input),
        vectorPlan(vector.input),
        vector.input.secretKey,
        vectorClock(vector.input),
      );
      assert.equal(signed.signing.authorization, vector.expected.authorization, vector.name);
    }
  });

  it('signRequest refuses T3 (UTF-8 Source header): Node would send Latin-1 bytes, not the UTF-8 signed (E4)', () => {
    const t3 = vectors.find((vector) => vector.name.startsWith('T3'));
    assert.ok(t3);
    assert.throws(
      () => signRequest(vectorRequest(t3.input), vectorPlan(t3.input), t3.input.secretKey, vectorClock(t3.input)),
      (error: unknown) =>
        error instanceof GwHttpError &&
        error.code === 'signing' &&
        /non-ASCII/.test(error.message) &&
        /"source"/.test(error.message),
    );
  });
});
