import assert from 'node:assert/strict';

import { selectSigning } from '../../../../src/core/signing/selectSigning';
import { signRequest } from '../../../../src/core/signing/signRequest';
import { fixedClock, outgoing, prepared } from '../signingTestKit';

function planOf(
  headers: [string, string][],
  directives: [string, string][] = [],
  defaultSigning: string | null = null,
) {
  const { plan, diagnostics } = selectSigning(
    prepared(outgoing('GET', 'https://h.example/x?a=1', headers), directives, defaultSigning),
  );
  assert.deepEqual(
    diagnostics.filter((diagnostic) => diagnostic.severity === 'error'),
    [],
  );
  return plan!;
}

describe('standard scheme templates, directives and environment defaults', () => {
  it('Authorization: EG1-HMAC-SHA256 keeps client and access token; the stale signature is replaced, not duplicated', () => {
    const stale =
      'EG1-HMAC-SHA256 client_token=akab-ct;access_token=akab-at;timestamp=20140321T19:34:21+0000;nonce=n;signature=old=';
    const plan = planOf([['Authorization', stale]]);
    assert.equal(plan.scheme, 'akamai-edgegrid');
    assert.equal(plan.keyId, 'akab-ct');
    assert.equal(plan.parameters['access-token'], 'akab-at');
    const signed = signRequest(
      outgoing('GET', 'https://h.example/x', [['Authorization', stale]]),
      plan,
      'secret',
      fixedClock('2023-01-03T04:05:06Z'),
    );
    const values = signed.request.headers.filter((header) => header.name.toLowerCase() === 'authorization');
    assert.equal(values.length, 1);
    assert.match(values[0].value, /timestamp=20230103T04:05:06\+0000;nonce=[0-9a-f-]{36};signature=/);
  });

  it('Authorization: OAuth keeps consumer key, token and realm (no oauth_version → version=none)', () => {
    const plan = planOf([
      [
        'Authorization',
        'OAuth realm="Photos", oauth_consumer_key="dpf43f3p2l4k3l03", oauth_token="nnch734d00sl2jdk", oauth_signature="x"',
      ],
    ]);
    assert.deepEqual([plan.scheme, plan.keyId], ['oauth1', 'dpf43f3p2l4k3l03']);
    assert.deepEqual(plan.parameters, { token: 'nnch734d00sl2jdk', realm: 'Photos', version: 'none' });
  });

  it('Authorization: Digest keeps the username and algorithm; the stale Authorization is not sent first', () => {
    const template = 'Digest username="Mufasa", realm="r", nonce="n", uri="/x", algorithm=SHA-256, response="abc"';
    const plan = planOf([['Authorization', template]]);
    assert.deepEqual([plan.scheme, plan.keyId, plan.parameters.algorithm], ['digest', 'Mufasa', 'sha-256']);
    const signed = signRequest(
      outgoing('GET', 'https://h.example/x', [['Authorization', template]]),
      plan,
      'pw',
      fixedClock('2023-01-03T04:05:06Z'),
    );
    assert.equal(
      signed.request.headers.some((header) => header.name === 'Authorization'),
      false,
    );
  });

  it('Signature-Input keeps label, components, key id and alg; the directive may add options', () => {
    const input =
      'sig-a=("@method" "@authority" "@query-param";name="a");created=1618884473;keyid="k-1";alg="hmac-sha256"';
    const plan = planOf(
      [
        ['Signature-Input', input],
        ['Signature', 'sig-a=:old:'],
      ],
      [['sign', 'rfc9421 tag=app']],
    );
    assert.equal(plan.scheme, 'rfc9421');
    assert.equal(plan.keyId, 'k-1');
    assert.deepEqual(plan.parameters, {
      label: 'sig-a',
      components: '@method @authority @query-param;name=a',
      alg: 'hmac-sha256',
      'alg-param': 'yes',
      tag: 'app',
    });
    const request = outgoing('GET', 'https://h.example/x?a=1', [
      ['Signature-Input', input],
      ['Signature', 'sig-a=:old:'],
    ]);
    const signed = signRequest(request, plan, 'shared', fixedClock('2023-01-03T04:05:06Z'));
    const named = (name: string) =>
      signed.request.headers.filter((header) => header.name.toLowerCase() === name).map((header) => header.value);
    assert.deepEqual(named('signature-input'), [
      'sig-a=("@method" "@authority" "@query-param";name="a");created=1672718706;keyid="k-1";alg="hmac-sha256";tag="app"',
    ]);
    assert.equal(named('signature').length, 1);
    assert.notEqual(named('signature')[0], 'sig-a=:old:');
  });

  it('an environment "$sign" default selects a standard scheme with its options', () => {
    const plan = planOf([], [], 'oauth1 id=ck token=tk realm="My realm"');
    assert.deepEqual([plan.scheme, plan.keyId, plan.origin], ['oauth1', 'ck', 'environment']);
    assert.deepEqual(plan.parameters, { token: 'tk', realm: 'My realm' });
  });
});
