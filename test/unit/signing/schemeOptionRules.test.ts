import assert from 'node:assert/strict';

import { createSigningPlan } from '../../../src/core/signing/createSigningPlan';
import { parseSignSpec } from '../../../src/core/signing/parseSignSpec';
import { schemeRegistry } from '../../../src/core/signing/schemeRegistry';
import { selectSigning } from '../../../src/core/signing/selectSigning';
import { sensitiveParameters } from '../../../src/core/signing/sensitiveParameters';
import { schemeNames } from '../../../src/core/signing/signingTypes';
import { signRequest } from '../../../src/core/signing/signRequest';
import { outgoing, prepared } from './signingTestKit';

const hmacFamily = new Set(['tencent-keypair', 'tencent-app', 'kong', 'apisix', 'apisix-legacy', 'cavage']);

describe("one declaration of a scheme's options, one reader, one diagnostic path", () => {
  for (const scheme of schemeNames) {
    it(`${scheme}: an unknown option names the scheme and its options; a bad value is sign-bad-option`, () => {
      const rules = schemeRegistry[scheme].optionRules;
      const unknown = parseSignSpec(`${scheme} id=k colour=blue`, 7).diagnostics;
      assert.deepEqual(
        unknown.map((diagnostic) => [diagnostic.line, diagnostic.code, diagnostic.severity]),
        [[7, 'sign-unknown-option', hmacFamily.has(scheme) ? 'warning' : 'error']],
      );
      const known = ['id', ...Object.keys(rules.options)].join(', ');
      assert.equal(unknown[0].message, `Unknown ${scheme} signing option "colour"; known options: ${known}.`);
      // Every option with a check that refuses something is refused the same way.
      const refusing = Object.entries(rules.options).find(([, rule]) => {
        const check = typeof rule === 'function' ? rule : rule.check;
        return check('\u0000') !== null;
      });
      if (refusing === undefined) return;
      const bad = parseSignSpec(`${scheme} id=k ${refusing[0]}=\u0000`, 7).diagnostics;
      assert.deepEqual(
        bad.map((diagnostic) => [diagnostic.code, diagnostic.severity]),
        [['sign-bad-option', 'error']],
      );
      assert.match(bad[0].message, new RegExp(`^Signing option ${refusing[0]}="\u0000" `));
    });
  }

  it('stored options land in plan.parameters, field options set the plan (algorithm, headers)', () => {
    const alibaba = parseSignSpec('alibaba-apigw id=k algorithm=HmacSHA1 headers="x-ca-key,x-custom" stage=TEST', 1);
    assert.deepEqual(alibaba.diagnostics, []);
    assert.equal(alibaba.spec?.options.algorithm, 'hmac-sha1');
    assert.deepEqual(alibaba.spec?.options.signedHeaders, ['x-ca-key', 'x-custom']);
    assert.deepEqual(alibaba.spec?.options.parameters, { stage: 'TEST' });
    const rfc9421 = parseSignSpec('rfc9421 id=k alg=ed25519 label=sig2', 1);
    assert.deepEqual(rfc9421.spec?.options.parameters, { alg: 'ed25519', label: 'sig2' });
    const kong = parseSignSpec('kong id=k algorithm=hmac-sha512 digest=yes', 1);
    assert.deepEqual([kong.spec?.options.algorithm, kong.spec?.options.bodyDigest], ['hmac-sha512', true]);
    assert.equal(kong.spec?.options.parameters, undefined);
  });

  it("a directive's options are merged over the same scheme's template (AWS service kept, region added)", () => {
    const request = outgoing('GET', 'https://api.example.com/x', [
      [
        'Authorization',
        'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/execute-api/aws4_request, SignedHeaders=host, Signature=x',
      ],
    ]);
    const { plan, diagnostics } = selectSigning(
      prepared(request, [['sign', 'aws-sigv4 id=AKIDEXAMPLE region=eu-west-1']]),
    );
    assert.deepEqual(diagnostics, []);
    assert.deepEqual(plan?.parameters, { region: 'eu-west-1', service: 'execute-api' });
  });

  it('nonce=auto is a fresh nonce per send; nonce=VALUE fixes it', () => {
    const sign = (nonce: string) => {
      const plan = createSigningPlan('rfc9421', 'k', { parameters: { alg: 'hmac-sha256', nonce } });
      const request = outgoing('GET', 'https://a.example.com/x', []);
      const signed = signRequest(request, plan, 's', { now: () => new Date(0) }, { nonce: () => 'fresh-1' });
      return signed.request.headers.find((header) => header.name === 'Signature-Input')?.value ?? '';
    };
    assert.match(sign('auto'), /;nonce="fresh-1"/);
    assert.match(sign('fixed-9'), /;nonce="fixed-9"/);
  });

  it("credential options are masked; oauth1's token= (an identifier) is not", () => {
    const tc3 = createSigningPlan('tencent-tc3', 'AKIDx', { parameters: { token: 'tmp-token' } });
    assert.ok(sensitiveParameters(tc3).includes('tmp-token'));
    const oauth = createSigningPlan('oauth1', 'consumer', { parameters: { token: 'public-token' } });
    assert.deepEqual(sensitiveParameters(oauth), []);
  });
});
