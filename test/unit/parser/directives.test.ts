/**
 * Directive names are normalised at parse time (issue 10): case-insensitive, `-`, `_` or nothing between
 * words, one accessor (`directiveOf`); another tool's directive is a hint, a near miss of a known one a
 * warning; the normalised directive is what Send acts on.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { directiveOf } from '../../../src/core/model/document';
import { withinOneEdit } from '../../../src/core/parser/parseDirectives';
import { parseDocument } from '../../../src/core/parser/parseDocument';
import { confirmationText } from '../../../src/core/run/confirmationText';
import { type Loopback, startLoopback } from '../http/loopback';
import { runText } from '../run/runContext';

const codes = (text: string) => parseDocument(text).diagnostics.map((d) => `${d.line}:${d.severity}:${d.code}`);

describe('parser: directive names', () => {
  it('reads # @Note Why as @note, so the request still asks for its confirmation', () => {
    const document = parseDocument('# @Note Why: real orders\nPOST https://example.com/orders\n');
    assert.deepEqual(document.diagnostics, []);
    const [request] = document.requests;
    assert.equal(directiveOf(request, 'note')?.value, 'Why: real orders');
    assert.equal(directiveOf(request, 'note')?.name, 'Note');
    assert.match(confirmationText(document, [0], null, null) ?? '', /line 2\): Why: real orders/);
  });

  it('accepts every case and -, _ or nothing between words for a known directive', () => {
    for (const spelling of ['no-redirect', 'NO-REDIRECT', 'no_redirect', 'noRedirect', 'noredirect', 'No-Redirect']) {
      const document = parseDocument(`// @${spelling}\nGET https://example.com/\n`);
      assert.deepEqual(document.diagnostics, [], spelling);
      assert.equal(directiveOf(document.requests[0], 'no-redirect')?.line, 1, spelling);
    }
    const document = parseDocument('# @SIGN none\n# @Timeout 50\n# @INSECURE\nGET https://example.com/\n');
    assert.equal(directiveOf(document.requests[0], 'sign')?.value, 'none');
    assert.equal(directiveOf(document.requests[0], 'timeout')?.value, '50');
    assert.notEqual(directiveOf(document.requests[0], 'insecure'), null);
  });

  it('warns about a directive one letter away from a known one, which then does not apply', () => {
    const document = parseDocument('# @noet Why\n# @timout 5\nGET https://example.com/\n');
    assert.deepEqual(codes('# @noet Why\n# @timout 5\nGET https://example.com/\n'), [
      '1:warning:misspelt-directive',
      '2:warning:misspelt-directive',
    ]);
    assert.match(document.diagnostics[0].message, /did you mean '@note'\?/);
    assert.equal(directiveOf(document.requests[0], 'note'), null);
    assert.equal(confirmationText(document, [0], null, null), null);
  });

  it("gives another tool's directive (httpYac's @ref, @import) a hint, not a warning", () => {
    assert.deepEqual(codes('# @ref login\n# @import ./common.http\nGET https://example.com/\n'), [
      '1:hint:unknown-directive',
      '2:hint:unknown-directive',
    ]);
  });

  it('uses the first of a repeated directive and warns about the others', () => {
    const document = parseDocument('# @timeout 10\n# @Timeout 20\nGET https://example.com/\n');
    assert.equal(directiveOf(document.requests[0], 'timeout')?.value, '10');
    assert.deepEqual(codes('# @timeout 10\n# @Timeout 20\nGET https://example.com/\n'), [
      '2:warning:directive-repeated',
    ]);
  });

  it('accepts # @name values with spaces, as JetBrains does (egeria ConnectFreshstartToCohort.http)', () => {
    const file = path.resolve(
      __dirname,
      '../../fixtures/corpus-http2/65-odpi--egeria-workspaces--ConnectFreshstartToCohort.http',
    );
    const document = parseDocument(readFileSync(file, 'utf8'));
    assert.deepEqual(
      document.diagnostics.filter((d) => d.severity === 'error'),
      [],
    );
    const named = document.requests.find((r) => r.line === 37);
    assert.equal(named?.name, 'Set organization name');
    assert.deepEqual(codes('# @name\nGET https://example.com/\n'), ['1:error:invalid-name']);
  });

  it('finds near misses by one insertion, deletion, substitution or swap', () => {
    assert.ok(withinOneEdit('noet', 'note'));
    assert.ok(withinOneEdit('nte', 'note'));
    assert.ok(withinOneEdit('notes', 'note'));
    assert.ok(withinOneEdit('nate', 'note'));
    assert.ok(!withinOneEdit('ref', 'name'));
    assert.ok(!withinOneEdit('none', 'name'));
    assert.ok(!withinOneEdit('import', 'insecure'));
  });
});

describe('sending: normalised directives apply', () => {
  let server: Loopback | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('honours # @No_Redirect and # @TIMEOUT written in another case', async () => {
    server = await startLoopback((request, response) => {
      if (request.url === '/start') response.writeHead(302, { Location: '/end' }).end();
      else response.end('done');
    });
    const { results } = await runText(`# @No_Redirect\n# @TIMEOUT 5000\nGET ${server.url}/start\n`, null);
    assert.equal(results[0].response?.status, 302);
    assert.deepEqual(
      server.received.map((r) => r.url),
      ['/start'],
    );
  });
});
