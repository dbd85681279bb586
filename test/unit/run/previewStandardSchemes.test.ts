import * as assert from 'node:assert/strict';

import { systemClock } from '../../../src/core/ports';
import { resolveSigning } from '../../../src/core/run/resolveSigning';
import { signRequest } from '../../../src/core/signing/signRequest';
import { preparedFromText } from './preparedFromText';

/** What Preview Signature does with no secret stored: a placeholder, then the signature base / string to sign. */
async function preview(text: string) {
  const prepared = await preparedFromText(text);
  const signing = await resolveSigning(prepared, { file: 'p.gwhttp', sources: [], placeholderSecret: 'placeholder' });
  assert.ok(signing?.usedPlaceholder);
  return signRequest(prepared.outgoing, signing.plan, signing.secret, systemClock, {
    otherSecrets: signing.otherSecrets,
  }).signing;
}

describe('Preview Signature without a stored secret shows each standard scheme’s signing string', () => {
  for (const alg of ['hmac-sha256', 'ed25519', 'ecdsa-p256-sha256', 'rsa-pss-sha512']) {
    it(`rfc9421 ${alg}: the signature base (a throwaway key stands in for a missing private key)`, async () => {
      const signing = await preview(`# @sign rfc9421 id=k1 alg=${alg}\nGET https://api.example.com/a?b=1\n`);
      assert.match(
        signing.signingString,
        /^"@method": GET\n"@authority": api\.example\.com\n"@path": \/a\n"@query": \?b=1\n"@signature-params": /,
      );
    });
  }

  it('akamai-edgegrid: the data to sign', async () => {
    const signing = await preview(
      '# @sign akamai-edgegrid id=ct access-token=at\nGET https://akab-h.luna.akamaiapis.net/x\n',
    );
    assert.match(
      signing.signingString,
      /^GET\thttps\takab-h\.luna\.akamaiapis\.net\t\/x\t\t\tEG1-HMAC-SHA256 client_token=ct;/,
    );
  });

  it('oauth1: the base string (token secret placeholder too)', async () => {
    const signing = await preview('# @sign oauth1 id=ck token=tk\nGET https://api.example.com/a?b=1\n');
    assert.match(signing.signingString, /^GET&https%3A%2F%2Fapi\.example\.com%2Fa&b%3D1%26oauth_consumer_key%3Dck/);
  });

  it('digest: says the request goes first without Authorization', async () => {
    const signing = await preview('# @sign digest id=u\nGET https://api.example.com/a\n');
    assert.match(signing.signingString, /sent first without Authorization/);
  });
});
