import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';

import { shellQuote, toCurl } from '../../../src/core/presentation/toCurl';
import { exchangeFixture, secret } from './exchangeFixture';

describe('toCurl', () => {
  it('exports the signed request with an expiry note and without the secret', () => {
    const exchange = exchangeFixture();
    const curl = toCurl(exchange.request, { secrets: [secret], signedAt: exchange.sentAt });
    assert.ok(!curl.includes(secret));
    assert.match(
      curl,
      /^# Signed at Mon, 23 Nov 2026 10:00:00 GMT; the signature expires about Mon, 23 Nov 2026 10:15:00 GMT\./,
    );
    assert.match(curl, /-H 'Authorization: hmac id="AKIDtest"/);
    assert.match(curl, /curl -sS -i -X POST http:\/\/127\.0\.0\.1:8080\/release\/orders/);
  });

  it('quotes arguments so a POSIX shell reads them back exactly', () => {
    const tricky = `it's a "test" $HOME \`x\` \\ end`;
    const echoed = execFileSync('sh', ['-c', `printf %s ${shellQuote(tricky)}`]).toString();
    assert.equal(echoed, tricky);
  });
});
