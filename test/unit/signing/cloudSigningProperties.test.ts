import assert from 'node:assert/strict';
import * as http from 'node:http';

import fc from 'fast-check';

import { cloudDemoKeys, type CloudScheme } from '../../../src/cli/mockGateway/clouds/mockCloudKeys';
import { type MockGateway, startMockGateway } from '../../../src/cli/mockGateway/startMockGateway';
import type { OutgoingRequest } from '../../../src/core/model/outgoing';
import { systemClock } from '../../../src/core/ports';
import { createSigningPlan } from '../../../src/core/signing/createSigningPlan';
import { signRequest } from '../../../src/core/signing/signRequest';

/** Sends exactly the signed request over node:http to the mock gateway (its own verifiers). */
function send(request: OutgoingRequest): Promise<number> {
  return new Promise((resolve, reject) => {
    const url = new URL(request.url);
    const headers: [string, string][] = request.headers.map((header) => [header.name, header.value]);
    // As node-fetch does: a body goes with its Content-Length, and Host is sent (both unless signed, after signing).
    if (request.body !== null) headers.push(['Content-Length', String(request.body.length)]);
    if (!headers.some(([name]) => name.toLowerCase() === 'host')) headers.push(['Host', url.host]);
    const client = http.request(
      {
        host: url.hostname,
        port: url.port,
        method: request.method,
        path: url.href.slice(url.origin.length),
        headers: headers.flat(),
      },
      (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
      },
    );
    client.on('error', reject);
    client.end(request.body === null ? undefined : Buffer.from(request.body));
  });
}

const word = fc.stringMatching(/^[A-Za-z0-9._~-]{1,6}$/);
const segment = fc.oneof(word, fc.constantFrom('a b', '张三', '%2F', "!'()*", 'x+y', ':@', 'ሴ', 'a%20b'));
const path = fc.array(segment, { minLength: 1, maxLength: 4 }).map((parts) => `/${parts.join('/')}`);
const queryValue = fc.oneof(word, fc.constantFrom('', 'a b', 'x+y', '%E5%BC%A0', '测试', '*', '=='));
const query = fc
  .array(fc.tuple(fc.constantFrom('a', 'b', 'Key', 'z_1'), fc.option(queryValue, { nil: null })), { maxLength: 5 })
  .map((pairs) => pairs.map(([key, value]) => (value === null ? key : `${key}=${value}`)).join('&'));
const method = fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH');
const body = fc.string({ minLength: 1, maxLength: 60 });

const directives: Record<CloudScheme, Record<string, string>> = {
  'aws-sigv4': { region: 'us-east-1', service: 'execute-api' },
  'tencent-tc3': { service: 'cvm', action: 'DescribeInstances' },
  'alibaba-apigw': {},
  'huawei-apig': {},
};

function signed(
  scheme: CloudScheme,
  base: string,
  request: Omit<OutgoingRequest, 'url'> & { target: string },
  extra = {},
) {
  const plan = createSigningPlan(scheme, cloudDemoKeys[scheme].id, { parameters: { ...directives[scheme], ...extra } });
  const outgoing: OutgoingRequest = { ...request, url: `${base}${request.target}` };
  return signRequest(outgoing, plan, cloudDemoKeys[scheme].secret, systemClock).request;
}

describe('cloud signing properties: the mock gateway’s own verifiers over loopback', () => {
  let gateway: MockGateway;
  // A fresh mock per test: each demo key allows 500 requests a minute.
  beforeEach(async () => {
    gateway = await startMockGateway({ port: 0 });
  });
  afterEach(() => gateway.close());

  const cases: [string, CloudScheme, Record<string, string>][] = [
    ['aws-sigv4', 'aws-sigv4', {}],
    ['aws-sigv4 presigned', 'aws-sigv4', { presign: '300' }],
    ['aws-sigv4 unsigned payload', 'aws-sigv4', { payload: 'unsigned' }],
    ['tencent-tc3', 'tencent-tc3', {}],
    ['alibaba-apigw', 'alibaba-apigw', {}],
    ['huawei-apig', 'huawei-apig', {}],
  ];
  for (const [name, scheme, extra] of cases) {
    it(`${name}: any method, path, query and body is accepted`, async () => {
      await fc.assert(
        fc.asyncProperty(
          method,
          path,
          query,
          fc.option(body, { nil: null }),
          async (verb, requestPath, requestQuery, text) => {
            const request = signed(
              scheme,
              gateway.url,
              {
                method: verb,
                target: requestQuery === '' ? requestPath : `${requestPath}?${requestQuery}`,
                headers: [{ name: 'Content-Type', value: 'application/json' }],
                body: text === null ? null : new Uint8Array(Buffer.from(text, 'utf8')),
              },
              extra,
            );
            assert.equal(await send(request), 200, JSON.stringify(request.url));
          },
        ),
        { numRuns: 40 },
      );
    });
  }

  for (const [name, scheme, extra] of cases.filter(([, , options]) => options.payload === undefined)) {
    it(`${name}: a changed byte of the body or query after signing is rejected`, async () => {
      await fc.assert(
        fc.asyncProperty(path, body, fc.nat(), fc.boolean(), async (requestPath, text, position, inQuery) => {
          const request = signed(
            scheme,
            gateway.url,
            {
              method: 'POST',
              target: `${requestPath}?a=${encodeURIComponent(text)}`,
              headers: [{ name: 'Content-Type', value: 'application/json' }],
              body: new Uint8Array(Buffer.from(text, 'utf8')),
            },
            extra,
          );
          const bytes = Buffer.from(request.body ?? new Uint8Array(0));
          if (inQuery) request.url = request.url.replace('?a=', '?a=X');
          else bytes[position % bytes.length] ^= 0x01;
          assert.notEqual(await send({ ...request, body: bytes }), 200);
        }),
        { numRuns: 25 },
      );
    });
  }
});
