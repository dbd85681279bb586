import assert from 'node:assert/strict';

import { decodeWithCharset, isKnownCharset } from '../../../src/core/text/decodeWithCharset';

/** The Encoding Standard's index-windows-1252 for 0x80-0x9F, as code points (what browsers decode). */
const whatwgHigh = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

describe('decodeWithCharset', () => {
  for (const label of ['windows-1252', 'ISO-8859-1', 'latin1', 'us-ascii', 'cp1252']) {
    it(`decodes bytes 0x80-0x9F as windows-1252 for "${label}" (Node's Latin-1 fast path does not)`, () => {
      const bytes = Uint8Array.from({ length: 32 }, (_, i) => 0x80 + i);
      const text = decodeWithCharset(bytes, label);
      assert.deepEqual(
        Array.from(text ?? '', (character) => character.codePointAt(0)),
        whatwgHigh,
      );
    });
  }

  it('leaves the rest of windows-1252 as Latin-1 and plain ASCII as it is', () => {
    assert.equal(
      decodeWithCharset(Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x20, 0x92, 0x41, 0xff]), 'iso-8859-1'),
      'café ’Aÿ',
    );
    assert.equal(decodeWithCharset(Buffer.from('plain text'), 'windows-1252'), 'plain text');
  });

  it('decodes other code pages through ICU (windows-1250, windows-1251, GBK, Shift_JIS)', () => {
    assert.equal(decodeWithCharset(Buffer.from([0x80, 0x8a]), 'windows-1250'), '€Š');
    assert.equal(decodeWithCharset(Buffer.from([0xcf, 0xf0, 0xe8]), 'windows-1251'), 'При');
    assert.equal(decodeWithCharset(Buffer.from([0xc4, 0xe3, 0xba, 0xc3]), 'gbk'), '你好');
    assert.equal(decodeWithCharset(Buffer.from([0x82, 0xa0]), 'shift_jis'), 'あ');
  });

  it('returns null for an unknown label', () => {
    assert.equal(decodeWithCharset(Buffer.from('x'), 'x-no-such-charset'), null);
    assert.equal(isKnownCharset('x-no-such-charset'), false);
    assert.equal(isKnownCharset(' Windows-1252 '), true);
  });
});
