/**
 * The two gateway documentation pages (copied from ../shared/seeds into test/fixtures/parser) must
 * each parse into exactly one POST to the documented address, with the documented body and all 13
 * documented headers in order, the `//` notes dropped and nothing from the Response sections.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { parseDocument } from '../../../src/core/parser/parseDocument';
import { checkInvariants } from './checkInvariants';

const fixtureDir = path.resolve(__dirname, '../../fixtures/parser');

const documentedHeaderNames = [
  'Accept',
  'Accept-Language',
  'Connection',
  'Host',
  'User-Agent',
  'Accept-Encoding',
  'Content-Type',
  'X-Client-Proto',
  'X-Client-Proto-Ver',
  'X-Real-IP',
  'X-Forwarded-For',
  'Date',
  'Authorization',
];

const seeds = [
  {
    file: 'seed-keypair-doc.gwhttp',
    url: 'http://service-xxxxxxxx-1234567890.ap-guangzhou.apigateway.myqcloud.com/release',
    authorization:
      'hmac id="AKIDCgXXXXXXXX48pN", algorithm="hmac-sha1", headers="Date Host", signature="630123456789da9c"',
  },
  {
    file: 'seed-keypair-sample.gwhttp',
    url: 'http://service-kuy3rwbs-1251762227.ap-guangzhou.apigateway.myqcloud.com/release',
    authorization:
      'hmac id="AKIDCgOPWjQ6BAxvHtyckhWABJVYSBj548pN", algorithm="hmac-sha1", headers="Date Host", signature="630c82836582f78b90f293b2f38bda9c"',
  },
];

describe('parser: the gateway documentation seeds', () => {
  for (const seed of seeds) {
    describe(seed.file, () => {
      const text = readFileSync(path.join(fixtureDir, seed.file), 'utf8');
      const document = parseDocument(text);

      it('makes exactly one block-form POST to the documented address', () => {
        assert.equal(document.requests.length, 1);
        const [request] = document.requests;
        assert.equal(request.method, 'POST');
        assert.equal(request.url, seed.url);
        assert.equal(request.form, 'block');
      });

      it('has the documented body', () => {
        assert.equal(document.requests[0].body, 'QueryParam_a=value1&QueryParam_b=value2');
      });

      it('has all 13 documented headers in order, with their values', () => {
        const { headers } = document.requests[0];
        assert.deepEqual(
          headers.map((h) => h.name),
          documentedHeaderNames,
        );
        assert.equal(headers[3].value, seed.url.replace('http://', ''));
        assert.equal(headers[6].value, 'application/x-www-form-urlencoded;charset=utf-8');
        assert.equal(headers[11].value, 'Sun, 21 Sep 2017 06:18:21 GMT');
        assert.equal(headers[12].value, seed.authorization);
        const lines = text.split('\n');
        for (const header of headers) {
          assert.ok(lines[header.line - 1].includes(`${header.name}: `), `line ${header.line}`);
        }
      });

      it('drops the // notes and takes nothing from the Response sections', () => {
        const request = document.requests[0];
        const everything = [
          request.url,
          request.body ?? '',
          ...request.headers.map((h) => `${h.name}: ${h.value}`),
        ].join('\n');
        assert.ok(!everything.includes('//E') && !everything.includes('// '), 'a // note leaked into the request');
        assert.ok(!/Enter the URL|Signature\.|Request body type/.test(everything));
        for (const name of [
          'X-RateLimit-Used',
          'X-RateLimit-Limit',
          'X-UsagePlan-ID',
          'X-Secret-ID',
          'Set-Cookie',
          'Server',
          'Content-Length',
        ]) {
          assert.ok(!request.headers.some((h) => h.name === name), `${name} comes from the Response section`);
        }
        const responseLine = text.split('\n').findIndex((l) => l.startsWith('## Response')) + 1;
        assert.ok(request.endLine < responseLine, 'the request runs into the Response section');
      });

      it('reports no errors and holds the output invariants', () => {
        assert.deepEqual(
          document.diagnostics.filter((d) => d.severity === 'error'),
          [],
        );
        checkInvariants(text, document);
      });
    });
  }
});
