import assert from 'node:assert/strict';

import { selectSigning } from '../../../src/core/signing/selectSigning';
import { outgoing, prepared } from './signingTestKit';

const docTemplate =
  'hmac id="AKIDCgOPWjQ6BAxvHtyckhWABJVYSBj548pN", algorithm="hmac-sha1", headers="Date Host", signature="630c82836582f78b90f293b2f38bda9c"';
const url = 'http://service-kuy3rwbs-1251762227.ap-guangzhou.apigateway.myqcloud.com/release';

function codes(diagnostics: { code: string }[]): string[] {
  return diagnostics.map((diagnostic) => diagnostic.code);
}

describe('selectSigning', () => {
  it('reads the doc sample Authorization as a template: id, algorithm, lower-case header list, Date header', () => {
    const request = outgoing('POST', url, [
      ['Host', 'service-kuy3rwbs-1251762227.ap-guangzhou.apigateway.myqcloud.com/release'],
      ['Date', 'Sun, 21 Sep 2017 06:18:21 GMT'],
      ['Authorization', docTemplate],
    ]);
    const { plan, diagnostics } = selectSigning(prepared(request));
    assert.ok(plan);
    assert.equal(plan.scheme, 'tencent-keypair');
    assert.equal(plan.keyId, 'AKIDCgOPWjQ6BAxvHtyckhWABJVYSBj548pN');
    assert.equal(plan.algorithm, 'hmac-sha1');
    assert.deepEqual(plan.signedHeaders, ['date', 'host']);
    assert.equal(plan.dateHeader, 'date');
    assert.equal(plan.origin, 'template');
    assert.equal(plan.line, 13);
    assert.deepEqual(codes(diagnostics), ['host-with-path']);
    assert.equal(diagnostics[0].line, 11);
    assert.match(diagnostics[0].message, /taken from the URL/);
  });

  it('reads a # @sign directive with every option', () => {
    const request = outgoing('GET', url, []);
    const { plan, diagnostics } = selectSigning(
      prepared(request, [
        ['sign', 'tencent-keypair id=AKIDabc algorithm=hmac-sha256 headers="x-date source" source="my app"'],
      ]),
    );
    assert.deepEqual(diagnostics, []);
    assert.ok(plan);
    assert.equal(plan.origin, 'directive');
    assert.equal(plan.line, 2);
    assert.equal(plan.algorithm, 'hmac-sha256');
    assert.deepEqual(plan.signedHeaders, ['x-date', 'source']);
    assert.equal(plan.source, 'my app');
    assert.equal(plan.dateHeader, 'x-date');
  });

  it('defaults Tencent key pair to x-date (plus source when a Source value is configured)', () => {
    const bare = selectSigning(prepared(outgoing('GET', url, []), [['sign', 'tencent-keypair id=AKIDabc']])).plan;
    assert.deepEqual(bare?.signedHeaders, ['x-date']);
    assert.equal(bare?.algorithm, 'hmac-sha1');
    const withSource = selectSigning(
      prepared(outgoing('GET', url, []), [['sign', 'tencent-keypair id=AKIDabc source=gwhttp']]),
    ).plan;
    assert.deepEqual(withSource?.signedHeaders, ['x-date', 'source']);
  });

  it('uses the environment default only when the request has neither directive nor template', () => {
    const fromEnvironment = selectSigning(prepared(outgoing('GET', url, []), [], 'kong id=alice123')).plan;
    assert.equal(fromEnvironment?.scheme, 'kong');
    assert.equal(fromEnvironment?.origin, 'environment');
    assert.equal(fromEnvironment?.line, 10);
    const templated = selectSigning(
      prepared(outgoing('GET', url, [['Authorization', docTemplate]]), [], 'kong id=alice123'),
    ).plan;
    assert.equal(templated?.scheme, 'tencent-keypair');
  });

  it('lets a directive override the template and keeps the template id when the directive has none', () => {
    const { plan } = selectSigning(
      prepared(outgoing('GET', url, [['Authorization', docTemplate]]), [
        ['sign', 'tencent-keypair algorithm=hmac-sha256'],
      ]),
    );
    assert.equal(plan?.keyId, 'AKIDCgOPWjQ6BAxvHtyckhWABJVYSBj548pN');
    assert.equal(plan?.algorithm, 'hmac-sha256');
    assert.deepEqual(plan?.signedHeaders, ['date', 'host']);
  });

  it('turns signing off with # @sign none, also over a template and an environment default', () => {
    const result = selectSigning(
      prepared(outgoing('GET', url, [['Authorization', docTemplate]]), [['sign', 'none']], 'kong id=a'),
    );
    assert.equal(result.plan, null);
    assert.equal(selectSigning(prepared(outgoing('GET', url, []), [], 'none')).plan, null);
    assert.equal(selectSigning(prepared(outgoing('GET', url, [['Authorization', 'Bearer abc']]))).plan, null);
  });

  it('recognises every template form', () => {
    const cases: [string, string, string, string][] = [
      ['Authorization', 'hmac id="APIDx", algorithm="hmac-sha1", headers="x-date source"', 'tencent-app', 'APIDx'],
      [
        'Authorization',
        'hmac username="alice123", algorithm="hmac-sha256", headers="date request-line", signature="x"',
        'kong',
        'alice123',
      ],
      [
        'Authorization',
        'Signature keyId="john-key",algorithm="hmac-sha256",headers="@request-target date",signature="x"',
        'apisix',
        'john-key',
      ],
      [
        'Authorization',
        'Signature keyId="key-1",algorithm="hmac-sha256",headers="(request-target) host date"',
        'cavage',
        'key-1',
      ],
      ['Signature', 'keyId="key-1",algorithm="hmac-sha256",headers="date",signature="x"', 'cavage', 'key-1'],
      [
        'Authorization',
        'hmac-auth-v1#user-key#sig#hmac-sha256#Tue, 19 Jan 2021 11:33:20 GMT#User-Agent;x-custom-a',
        'apisix-legacy',
        'user-key',
      ],
    ];
    for (const [name, value, scheme, keyId] of cases) {
      const { plan } = selectSigning(prepared(outgoing('GET', url, [[name, value]])));
      assert.equal(plan?.scheme, scheme, value);
      assert.equal(plan?.keyId, keyId, value);
    }
    const signatureHeader = selectSigning(
      prepared(outgoing('GET', url, [['Signature', 'keyId="key-1",headers="date"']])),
    ).plan;
    assert.equal(signatureHeader?.signatureHeader, 'Signature');
    const legacy = selectSigning(prepared(outgoing('GET', url, [['Authorization', cases[5][1]]]))).plan;
    assert.deepEqual(legacy?.signedHeaders, ['User-Agent', 'x-custom-a']);
  });

  it('reports an unknown scheme, a missing id, bad and unknown options as diagnostics on the directive line', () => {
    const unknown = selectSigning(prepared(outgoing('GET', url, []), [['sign', 'tencent id=AKIDx']]));
    assert.equal(unknown.plan, null);
    assert.deepEqual(codes(unknown.diagnostics), ['sign-unknown-scheme']);
    assert.match(unknown.diagnostics[0].message, /tencent-keypair, tencent-app, kong, apisix, apisix-legacy, cavage/);
    const noId = selectSigning(prepared(outgoing('GET', url, []), [['sign', 'kong']]));
    assert.equal(noId.plan, null);
    assert.deepEqual(codes(noId.diagnostics), ['sign-missing-id']);
    const options = selectSigning(prepared(outgoing('GET', url, []), [['sign', 'kong id=a algorithm=md5 colour=red']]));
    assert.deepEqual(codes(options.diagnostics).sort(), ['sign-bad-option', 'sign-unknown-option']);
    assert.ok(options.diagnostics.every((diagnostic) => diagnostic.line === 2));
  });

  it('adds the mandatory date header to a Tencent list without one, with a warning', () => {
    const { plan, diagnostics } = selectSigning(
      prepared(outgoing('GET', url, [['Source', 'a']]), [['sign', 'tencent-keypair id=AKIDx headers="source"']]),
    );
    assert.deepEqual(plan?.signedHeaders, ['x-date', 'source']);
    assert.deepEqual(codes(diagnostics), ['date-header-unsigned']);
  });

  it('warns about an algorithm the scheme does not accept and rejects an unrepresentable key id (E16)', () => {
    const app = selectSigning(
      prepared(outgoing('GET', url, []), [['sign', 'tencent-app id=APIDx algorithm=hmac-sha512']]),
    );
    assert.deepEqual(codes(app.diagnostics), ['sign-algorithm-unsupported']);
    const quoted = selectSigning(prepared(outgoing('GET', url, []), [['sign', 'kong id=a,b']]));
    assert.equal(quoted.plan, null);
    assert.deepEqual(codes(quoted.diagnostics), ['sign-key-id']);
  });

  it('warns once per extra # @sign directive and uses the first', () => {
    const { plan, diagnostics } = selectSigning(
      prepared(outgoing('GET', url, []), [
        ['sign', 'kong id=a'],
        ['sign', 'apisix id=b'],
      ]),
    );
    assert.equal(plan?.scheme, 'kong');
    assert.deepEqual(codes(diagnostics), ['sign-directive-repeated']);
    assert.equal(diagnostics[0].line, 3);
  });
});
