import assert from 'node:assert/strict';

import { createSigningPlan } from '../../../../src/core/signing/createSigningPlan';
import { signRequest } from '../../../../src/core/signing/signRequest';
import { outgoing } from '../signingTestKit';
import { clockAt } from './cloudVectorKit';

/** The spec's constructed examples (signing-clouds.md §6 R1, §7, §8 O1) for `--date "Tue, 03 Jan 2023 04:05:06 GMT"`. */
const at = clockAt(Date.parse('2023-01-03T04:05:06Z'));

function header(headers: readonly { name: string; value: string }[], name: string): string | undefined {
  return headers.find((field) => field.name.toLowerCase() === name)?.value;
}

describe('constructed examples of signing-clouds.md', () => {
  it('R1: rfc9421 hmac-sha256 over a JSON body with Content-Digest', () => {
    const plan = createSigningPlan('rfc9421', 'gwtest-hmac', {
      parameters: { alg: 'hmac-sha256', components: '@method @path @authority content-type content-digest' },
    });
    const request = outgoing(
      'POST',
      'https://example.com/foo',
      [['Content-Type', 'application/json']],
      '{"hello": "world"}',
    );
    const { request: signed } = signRequest(request, plan, 'gwtest-shared-secret', at);
    assert.equal(header(signed.headers, 'content-digest'), 'sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:');
    assert.equal(
      header(signed.headers, 'signature-input'),
      'sig1=("@method" "@path" "@authority" "content-type" "content-digest");created=1672718706;keyid="gwtest-hmac"',
    );
    assert.equal(header(signed.headers, 'signature'), 'sig1=:KWo85AWAnbJepe+3Zo9C/8ufhjrbWVwdI6p1KvcnQsU=:');
    assert.equal(header(signed.headers, 'date'), undefined, 'no Date header is added');
  });

  it('akamai: the --date instant becomes timestamp=20230103T04:05:06+0000', () => {
    const plan = createSigningPlan('akamai-edgegrid', 'akab-ct', {
      parameters: { 'access-token': 'akab-at', nonce: 'n-1' },
    });
    const signed = signRequest(outgoing('GET', 'https://akab-h.luna.akamaiapis.net/x', []), plan, 'secret', at);
    assert.match(
      header(signed.request.headers, 'authorization')!,
      /;timestamp=20230103T04:05:06\+0000;nonce=n-1;signature=/,
    );
  });

  it('O1: oauth1 with a form body signs its fields, encoded twice in the base string', () => {
    const plan = createSigningPlan('oauth1', 'gwtest-consumer', {
      parameters: { token: 'gwtest-token', nonce: 'gwtestnonce0001' },
    });
    const request = outgoing(
      'POST',
      'https://api.example.com/1/statuses/update.json?include_entities=true',
      [['Content-Type', 'application/x-www-form-urlencoded']],
      'status=Hello%20Ladies%20%2B%20Gentlemen%2C%20a%20signed%20OAuth%20request%21',
    );
    const signed = signRequest(request, plan, 'gwtest-consumer-secret', at, {
      otherSecrets: new Map([['gwtest-token', 'gwtest-token-secret']]),
    });
    assert.ok(
      signed.signing.signingString.endsWith(
        '%26oauth_version%3D1.0%26status%3DHello%2520Ladies%2520%252B%2520Gentlemen%252C%2520a%2520signed%2520OAuth%2520request%2521',
      ),
    );
    assert.equal(signed.signing.signature, 'MqFX5RYv3GZS/50wkaNzjJ0Bpfs=');
  });
});
