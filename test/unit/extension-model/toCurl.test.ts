import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';

import { shellQuote, toCurl } from '../../../src/core/presentation/toCurl';
import { Redactor } from '../../../src/core/redaction';
import { exchangeFixture, secret } from './exchangeFixture';

describe('toCurl', () => {
  it('exports the signed request as a bare command, the expiry note beside it, and without the secret', () => {
    const exchange = exchangeFixture();
    const { command, note } = toCurl(exchange.request, { redactor: new Redactor([secret]), signedAt: exchange.sentAt });
    assert.ok(!command.includes(secret) && !note.includes(secret));
    assert.match(command, /^curl -sS -i -X POST http:\/\/127\.0\.0\.1:8080\/release\/orders/);
    assert.doesNotMatch(command, /^#/m, 'a comment line makes cURL import boxes refuse the text');
    assert.match(command, /-H 'Authorization: hmac id="AKIDtest"/);
    assert.match(
      note,
      /^Signed at Mon, 23 Nov 2026 10:00:00 GMT; the signature expires about Mon, 23 Nov 2026 10:15:00 GMT: copy again/,
    );
  });

  it('runs in a shell as it is copied (the command is one shell command)', () => {
    const { command } = toCurl(exchangeFixture().request, { redactor: new Redactor(), signedAt: null });
    const words = execFileSync('sh', ['-c', `set -- ${command.slice('curl '.length)}; printf '%s\\n' "$#" "$1"`])
      .toString()
      .split('\n');
    assert.equal(words[1], '-sS');
    assert.ok(Number(words[0]) > 6, words[0]);
  });

  it('quotes arguments so a POSIX shell reads them back exactly', () => {
    const tricky = `it's a "test" $HOME \`x\` \\ end`;
    const echoed = execFileSync('sh', ['-c', `printf %s ${shellQuote(tricky)}`]).toString();
    assert.equal(echoed, tricky);
  });
});
