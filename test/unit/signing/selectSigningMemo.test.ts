import assert from 'node:assert/strict';

import { selectSigning, type SigningMemo } from '../../../src/core/signing/selectSigning';
import type { PreparedRequest } from '../../../src/core/variables/preparedRequest';
import { outgoing, prepared } from './signingTestKit';

const url = 'http://127.0.0.1:8080/orders/1';

/** The same request written `by` lines further down the file. */
function shifted(request: PreparedRequest, by: number): PreparedRequest {
  const source = {
    ...request.source,
    line: request.source.line + by,
    headers: request.source.headers.map((header) => ({ ...header, line: header.line + by })),
    directives: request.source.directives.map((directive) => ({ ...directive, line: directive.line + by })),
  };
  return {
    ...request,
    source,
    directives: request.directives.map((directive) => ({ ...directive, line: directive.line + by })),
  };
}

describe('selectSigning with a per-run memo', () => {
  it("reuses a directive plan for a later request, with that request's own directive line", () => {
    const memo: SigningMemo = new Map();
    const first = prepared(outgoing('GET', url, [['Accept', 'application/json']]), [
      ['sign', 'tencent-keypair id=AKIDabc headers="x-date accept"'],
    ]);
    const later = shifted(first, 40);
    assert.deepEqual(selectSigning(first, memo), selectSigning(first));
    assert.equal(memo.size, 1);
    const reused = selectSigning(later, memo);
    assert.deepEqual(reused, selectSigning(later));
    assert.equal(reused.plan?.line, 42);
    assert.equal(memo.size, 1);
  });

  it("gives an environment default plan the request's line", () => {
    const memo: SigningMemo = new Map();
    const first = prepared(outgoing('GET', url, []), [], 'tencent-keypair id=AKIDenv');
    selectSigning(first, memo);
    const reused = selectSigning(shifted(first, 7), memo);
    assert.equal(reused.plan?.origin, 'environment');
    assert.equal(reused.plan?.line, 17);
    assert.deepEqual(reused, selectSigning(shifted(first, 7)));
  });

  it('keeps plans for different signing setups apart, and remembers "none"', () => {
    const memo: SigningMemo = new Map();
    const request = outgoing('GET', url, []);
    const a = selectSigning(prepared(request, [['sign', 'tencent-keypair id=AKIDa']]), memo);
    const b = selectSigning(prepared(request, [['sign', 'tencent-keypair id=AKIDb algorithm=hmac-sha256']]), memo);
    const none = selectSigning(prepared(request, [['sign', 'none']]), memo);
    assert.equal(a.plan?.keyId, 'AKIDa');
    assert.equal(b.plan?.keyId, 'AKIDb');
    assert.equal(b.plan?.algorithm, 'hmac-sha256');
    assert.equal(none.plan, null);
    assert.equal(memo.size, 3);
    assert.equal(selectSigning(prepared(request, [['sign', 'none']]), memo).plan, null);
    assert.equal(selectSigning(prepared(request, [['sign', 'tencent-keypair id=AKIDa']]), memo).plan?.keyId, 'AKIDa');
  });

  it('does not memoise a choice that has diagnostics: each request gets its own, at its own lines', () => {
    const memo: SigningMemo = new Map();
    const first = prepared(outgoing('GET', url, []), [['sign', 'tencent-keypair id=AKIDabc colour=blue']]);
    const one = selectSigning(first, memo);
    const two = selectSigning(shifted(first, 10), memo);
    assert.deepEqual(
      one.diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.line]),
      [['sign-unknown-option', 2]],
    );
    assert.deepEqual(
      two.diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.line]),
      [['sign-unknown-option', 12]],
    );
    assert.equal(memo.size, 0);
  });

  it('does not memoise a request with an Authorization template (its options and line come from the header)', () => {
    const memo: SigningMemo = new Map();
    const template = 'hmac id="AKIDtpl", algorithm="hmac-sha1", headers="x-date", signature="x"';
    const first = prepared(outgoing('GET', url, [['Authorization', template]]));
    assert.deepEqual(selectSigning(first, memo), selectSigning(first));
    assert.equal(memo.size, 0);
    assert.equal(selectSigning(shifted(first, 5), memo).plan?.line, 16);
  });
});
