import { strict as assert } from 'node:assert';

import { completionSiteAt } from '../../../src/core/language/completionSite';
import { splitLines } from '../../../src/core/language/documentLines';
import { parseDocument } from '../../../src/core/parser/parseDocument';

/** `|` marks the cursor. Returns the site found there. */
function siteAt(textWithCursor: string) {
  const offset = textWithCursor.indexOf('|');
  const text = textWithCursor.slice(0, offset) + textWithCursor.slice(offset + 1);
  const lines = splitLines(text);
  const before = splitLines(textWithCursor.slice(0, offset));
  const requestLines = new Set(
    parseDocument(text)
      .requests.filter((request) => request.form === 'line')
      .map((request) => request.line),
  );
  return completionSiteAt(lines, before.length, before[before.length - 1].length, requestLines);
}

describe('completionSiteAt', () => {
  it('finds a variable site after {{ with the typed prefix, knowing whether }} is already there', () => {
    assert.deepEqual(siteAt('GET https://{{ho|/x'), {
      kind: 'variable',
      prefix: 'ho',
      startColumn: 14,
      hasClosing: false,
    });
    assert.deepEqual(siteAt('GET https://{{ho|}}/x'), {
      kind: 'variable',
      prefix: 'ho',
      startColumn: 14,
      hasClosing: true,
    });
    assert.deepEqual(siteAt('X-Date: {{|'), { kind: 'variable', prefix: '', startColumn: 10, hasClosing: false });
    assert.deepEqual(siteAt('{"a": "{{ $da|"}'), {
      kind: 'variable',
      prefix: '$da',
      startColumn: 10,
      hasClosing: false,
    });
  });

  it('is not a variable site after a closed reference', () => {
    assert.equal(siteAt('GET https://{{host}}/x|')?.kind, undefined);
  });

  it('finds directives, sign schemes, sign options and option values', () => {
    assert.deepEqual(siteAt('# @si|'), { kind: 'directive', prefix: 'si', startColumn: 3 });
    assert.deepEqual(siteAt('// @|'), { kind: 'directive', prefix: '', startColumn: 4 });
    assert.deepEqual(siteAt('# @sign ten|'), { kind: 'signScheme', prefix: 'ten', startColumn: 8 });
    assert.deepEqual(siteAt('# @sign tencent-keypair id=AKID1 al|'), {
      kind: 'signOption',
      prefix: 'al',
      startColumn: 33,
      used: ['id'],
    });
    assert.deepEqual(siteAt('# @sign kong algorithm=hmac-s|'), {
      kind: 'signOptionValue',
      option: 'algorithm',
      prefix: 'hmac-s',
      startColumn: 23,
    });
  });

  it('offers methods at the start of a line in a preamble and in a Method block', () => {
    assert.deepEqual(siteAt('### one\n# @name a\nPO|'), { kind: 'method', prefix: 'PO', startColumn: 0 });
    assert.deepEqual(siteAt('#### Address\nhttp://h/x\n#### Method\n|'), {
      kind: 'method',
      prefix: '',
      startColumn: 0,
    });
  });

  it('offers header names and values below a request line and in a header block, not in the body', () => {
    assert.deepEqual(siteAt('POST https://h/x\nContent-Type: application/json\nAcc|'), {
      kind: 'headerName',
      prefix: 'Acc',
      startColumn: 0,
    });
    assert.deepEqual(siteAt('POST https://h/x\n# note\nContent-Type: app|'), {
      kind: 'headerValue',
      header: 'Content-Type',
      prefix: 'app',
      startColumn: 14,
    });
    assert.deepEqual(siteAt('#### Request header\n<pre><code>X-Da|'), {
      kind: 'headerName',
      prefix: 'X-Da',
      startColumn: 11,
    });
    assert.equal(siteAt('POST https://h/x\nContent-Type: text/plain\n\nhel|'), null);
    assert.equal(siteAt('#### Request body\nabc|'), null);
  });

  it('offers assertion subjects after ?? and predicates after the subject (and its argument)', () => {
    assert.deepEqual(siteAt('GET https://h/x\n?? |'), { kind: 'assertionSubject', prefix: '', startColumn: 3 });
    assert.deepEqual(siteAt('GET https://h/x\n\n{"a":1}\n\n?? sta|'), {
      kind: 'assertionSubject',
      prefix: 'sta',
      startColumn: 3,
    });
    assert.deepEqual(siteAt('GET https://h/x\n?? status =|'), {
      kind: 'assertionPredicate',
      prefix: '=',
      startColumn: 10,
    });
    assert.deepEqual(siteAt('GET https://h/x\n?? header content-type inc|'), {
      kind: 'assertionPredicate',
      prefix: 'inc',
      startColumn: 23,
    });
    assert.deepEqual(siteAt('GET https://h/x\n?? body $.items[0].id |'), {
      kind: 'assertionPredicate',
      prefix: '',
      startColumn: 22,
    });
    assert.deepEqual(siteAt('GET https://h/x\n?? body |'), { kind: 'assertionPredicate', prefix: '', startColumn: 8 });
    assert.equal(siteAt('GET https://h/x\n?? status == 20|'), null);
    assert.deepEqual(siteAt('GET https://h/x\n?? body $.id == {{ex|'), {
      kind: 'variable',
      prefix: 'ex',
      startColumn: 18,
      hasClosing: false,
    });
  });

  it('a new region after a separator is a preamble again', () => {
    assert.deepEqual(siteAt('GET https://h/a\nAccept: */*\n###\nGE|'), {
      kind: 'method',
      prefix: 'GE',
      startColumn: 0,
    });
  });
});
