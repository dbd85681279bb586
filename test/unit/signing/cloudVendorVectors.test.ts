import assert from 'node:assert/strict';

import { alibabaContentMd5 } from '../../../src/core/signing/alibabaApigwSigner';
import { createSigningPlan } from '../../../src/core/signing/createSigningPlan';
import { huaweiCanonicalQuery } from '../../../src/core/signing/huaweiApigSigner';
import { signRequest } from '../../../src/core/signing/signRequest';
import { clockAt, readCloudVectors, vectorOutgoing, type VectorRequest } from './cloudVectorKit';

interface Expected {
  canonicalRequest?: string;
  stringToSign?: string;
  signature?: string;
  authorization?: string;
  hashedCanonicalRequest?: string;
  contentMD5?: string;
  canonicalQueryString?: string;
}

interface CloudVector {
  name: string;
  request: VectorRequest & { queryParams?: [string, string][] };
  credentials: Record<string, string>;
  time?: { unix?: number; xCaTimestampMs?: number; xSdkDate?: string };
  signing?: { signedHeaders?: string };
  expected: Expected;
}

function headerOf(vector: CloudVector, name: string): string | undefined {
  return vector.request.headers.find(([candidate]) => candidate.toLowerCase() === name)?.[1];
}

function compare(
  signing: { canonicalRequest?: string; signingString: string; signature: string; authorization: string },
  expected: Expected,
) {
  if (expected.canonicalRequest !== undefined) assert.equal(signing.canonicalRequest, expected.canonicalRequest);
  if (expected.stringToSign !== undefined) assert.equal(signing.signingString, expected.stringToSign);
  if (expected.signature !== undefined) assert.equal(signing.signature, expected.signature);
  if (expected.authorization !== undefined) assert.equal(signing.authorization, expected.authorization);
  if (expected.hashedCanonicalRequest !== undefined) {
    assert.equal(signing.signingString.split('\n').pop(), expected.hashedCanonicalRequest);
  }
}

describe('tencent-tc3: every vector (Tencent documentation revisions, tencentcloud-sdk-nodejs)', () => {
  for (const vector of readCloudVectors<CloudVector>('tencent-tc3-vectors.json')) {
    it(vector.name, () => {
      const { credentials } = vector;
      const plan = createSigningPlan('tencent-tc3', credentials.secretId, {
        signedHeaders: vector.signing?.signedHeaders?.split(';'),
        parameters: { service: credentials.service },
      });
      const signed = signRequest(
        vectorOutgoing(vector.request),
        plan,
        credentials.secretKey,
        clockAt((vector.time?.unix ?? 0) * 1000),
      );
      compare(signed.signing, vector.expected);
      assert.equal(
        signed.signing.signingString.split('\n')[2],
        (vector.expected as { credentialScope?: string }).credentialScope,
      );
    });
  }
});

describe('alibaba-apigw: every vector (Alibaba documentation, Higress hmac_auth tests)', () => {
  for (const vector of readCloudVectors<CloudVector>('alibaba-apigw-vectors.json')) {
    it(vector.name, () => {
      if (vector.expected.contentMD5 !== undefined) {
        assert.equal(alibabaContentMd5(Buffer.from(vector.request.body, 'utf8')), vector.expected.contentMD5);
        return;
      }
      // The signed list is each request's x-ca-signature-headers (none: headers=""), README item 4;
      // the millisecond timestamp and the nonce are injected from the request's own X-Ca-* headers.
      const listed = headerOf(vector, 'x-ca-signature-headers');
      const method = headerOf(vector, 'x-ca-signature-method');
      const nonce = headerOf(vector, 'x-ca-nonce');
      const plan = createSigningPlan('alibaba-apigw', vector.credentials.appKey, {
        signedHeaders: listed === undefined ? [] : listed.split(','),
        algorithm: method === 'HmacSHA1' ? 'hmac-sha1' : 'hmac-sha256',
        parameters: nonce === undefined ? {} : { nonce },
      });
      const timestamp = Number(headerOf(vector, 'x-ca-timestamp') ?? vector.time?.xCaTimestampMs ?? 0);
      const signed = signRequest(
        vectorOutgoing(vector.request),
        plan,
        vector.credentials.appSecret,
        clockAt(timestamp),
      );
      compare(signed.signing, vector.expected);
      const sent = signed.request.headers.find((field) => field.name === 'X-Ca-Signature');
      assert.equal(sent?.value, vector.expected.signature);
    });
  }
});

describe('huawei-apig: every vector (Huawei signing guide, huaweicloud-sdk-java-v3 and -go-v3 tests)', () => {
  for (const vector of readCloudVectors<CloudVector>('huawei-apig-vectors.json')) {
    it(vector.name, () => {
      if (vector.expected.canonicalQueryString !== undefined) {
        assert.equal(huaweiCanonicalQuery(vector.request.queryParams ?? []), vector.expected.canonicalQueryString);
        return;
      }
      const plan = createSigningPlan('huawei-apig', vector.credentials.accessKey, {
        signedHeaders: vector.signing?.signedHeaders?.split(';'),
      });
      const date = (vector.time?.xSdkDate ?? '').replace(
        /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/,
        '$1-$2-$3T$4:$5:$6Z',
      );
      const signed = signRequest(
        vectorOutgoing(vector.request),
        plan,
        vector.credentials.secretKey,
        clockAt(Date.parse(date)),
      );
      compare(signed.signing, vector.expected);
    });
  }
});
