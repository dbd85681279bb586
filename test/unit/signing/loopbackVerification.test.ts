import assert from 'node:assert/strict';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

import type { OutgoingRequest } from '../../../src/core/model/outgoing';
import { systemClock } from '../../../src/core/ports';
import { createSigningPlan, type SigningOptions } from '../../../src/core/signing/createSigningPlan';
import type { SchemeName } from '../../../src/core/signing/signingTypes';
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

const secrets: Record<string, string> = {
  AKIDloop: 'loop-secret-key-1',
  APIDloop: 'loop-app-secret',
  alice: 'kong-secret',
  'john-key': 'apisix-secret',
  'user-key': 'legacy-secret',
  'key-1': 'cavage-secret',
};

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

/** Sends exactly the signed request over node:http and returns the verifier's answer. */
function send(request: OutgoingRequest): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const url = new URL(request.url);
    const headers: Record<string, string> = {};
    for (const header of request.headers) headers[header.name] = header.value;
    const client = http.request(
      { host: url.hostname, port: url.port, method: request.method, path: url.href.slice(url.origin.length), headers },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
        );
      },
    );
    client.on('error', reject);
    client.end(request.body ?? undefined);
  });
}

describe('loopback gateway with its own verifier accepts every scheme', () => {
  let server: http.Server;
  let base: string;

  before(async () => {
    server = http.createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const scheme = (request.url ?? '').split('/')[1] as SchemeName;
        const received: ReceivedRequest = {
          method: request.method ?? '',
          target: request.url ?? '',
          httpVersion: request.httpVersion,
          headers: request.headers,
          rawHeaders: request.rawHeaders,
          body: Buffer.concat(chunks),
        };
        let reason: string | null;
        try {
          const verify = verifiers[scheme];
          reason = verify ? verify(received, secrets) : `no verifier for ${scheme}`;
        } catch (error) {
          reason = error instanceof Error ? error.message : 'error';
        }
        response.writeHead(reason === null ? 200 : 401, { 'content-type': 'application/json' });
        response.end(JSON.stringify(reason === null ? { ok: true } : { message: reason }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const cases: {
    scheme: SchemeName;
    keyId: string;
    options: SigningOptions;
    method: string;
    path: string;
    headers: [string, string][];
    body: string | null;
  }[] = [
    {
      scheme: 'tencent-keypair',
      keyId: 'AKIDloop',
      options: { source: 'gwhttp' },
      method: 'POST',
      path: '/release/orders?b=2&a=1',
      headers: [['Content-Type', 'application/json']],
      body: '{"sku":"A-1"}',
    },
    {
      scheme: 'tencent-keypair',
      keyId: 'AKIDloop',
      options: { signedHeaders: ['date', 'host'] },
      method: 'POST',
      path: '/release',
      headers: [
        ['Host', 'example.com/release'],
        ['Date', 'Sun, 21 Sep 2017 06:18:21 GMT'],
      ],
      body: 'QueryParam_a=value1',
    },
    {
      scheme: 'tencent-app',
      keyId: 'APIDloop',
      options: { algorithm: 'hmac-sha256' },
      method: 'POST',
      path: '/release/data?tag=b&tag=a&flag&name=%E5%BC%A0',
      headers: [['Content-Type', 'application/json; charset=utf-8']],
      body: '{"arg1":"a"}',
    },
    {
      scheme: 'tencent-app',
      keyId: 'APIDloop',
      options: { signedHeaders: ['x-date', 'source'] },
      method: 'POST',
      path: '/test/form',
      headers: [
        ['Source', 'apigw test'],
        ['Content-Type', 'application/x-www-form-urlencoded'],
        ['Accept', 'application/json'],
      ],
      body: 'p=test&q=a+b',
    },
    {
      scheme: 'kong',
      keyId: 'alice',
      options: { bodyDigest: true },
      method: 'POST',
      path: '/requests?x=a%20b&',
      headers: [],
      body: 'A small body',
    },
    {
      scheme: 'kong',
      keyId: 'alice',
      options: { dateHeader: 'x-date', signedHeaders: ['x-date', '@request-target'], algorithm: 'hmac-sha1' },
      method: 'GET',
      path: '/orders?id=7',
      headers: [],
      body: null,
    },
    {
      scheme: 'apisix',
      keyId: 'john-key',
      options: {
        algorithm: 'hmac-sha512',
        signedHeaders: ['@request-target', 'date', 'x-custom-a', 'digest'],
        bodyDigest: true,
      },
      method: 'POST',
      path: '/post?b=2&a=1',
      headers: [['X-Custom-A', 'hello']],
      body: '{"name": "world"}',
    },
    {
      scheme: 'apisix-legacy',
      keyId: 'user-key',
      options: { signedHeaders: ['User-Agent', 'x-custom-a'] },
      method: 'GET',
      path: '/a/../index.html?q=hello+world&tag=b&tag=a&flag&name=%E5%BC%A0',
      headers: [
        ['User-Agent', 'gwhttp-test'],
        ['x-custom-a', 'test'],
      ],
      body: null,
    },
    {
      scheme: 'cavage',
      keyId: 'key-1',
      options: { signedHeaders: ['(request-target)', 'host', 'date', 'digest'], bodyDigest: true },
      method: 'POST',
      path: '/foo?param=value&pet=dog',
      headers: [],
      body: '{"hello": "world"}',
    },
    {
      scheme: 'cavage',
      keyId: 'key-1',
      options: { signatureHeader: 'Signature', signedHeaders: ['date'] },
      method: 'GET',
      path: '/',
      headers: [],
      body: null,
    },
  ];

  for (const testCase of cases) {
    it(`${testCase.scheme} ${testCase.method} ${testCase.path} (${JSON.stringify(testCase.options)})`, async () => {
      const request = outgoing(
        testCase.method,
        `${base}/${testCase.scheme}${testCase.path}`,
        testCase.headers,
        testCase.body,
      );
      const plan = createSigningPlan(testCase.scheme, testCase.keyId, testCase.options);
      const { request: signed } = signRequest(request, plan, secrets[testCase.keyId], systemClock);
      const answer = await send(signed);
      assert.equal(answer.status, 200, answer.body);
    });
  }

  it('the verifier is not vacuous: a wrong secret or a body changed after signing is rejected', async () => {
    const plan = createSigningPlan('tencent-keypair', 'AKIDloop');
    const wrong = signRequest(
      outgoing('GET', `${base}/tencent-keypair/x`, []),
      plan,
      'not-the-secret',
      systemClock,
    ).request;
    assert.deepEqual(await send(wrong), { status: 401, body: '{"message":"mismatch"}' });
    const appPlan = createSigningPlan('tencent-app', 'APIDloop');
    const signed = signRequest(
      outgoing('POST', `${base}/tencent-app/x`, [['Content-Type', 'application/json']], '{"a":1}'),
      appPlan,
      secrets.APIDloop,
      systemClock,
    ).request;
    const tampered = { ...signed, body: new Uint8Array(Buffer.from('{"a":2}')) };
    assert.equal((await send(tampered)).status, 401);
  });
});
