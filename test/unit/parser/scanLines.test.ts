import assert from 'node:assert/strict';

import { classifyLine } from '../../../src/core/parser/classifyLine';
import { scanLines } from '../../../src/core/parser/scanLines';

function linesOf(text: string): string[] {
  const source = scanLines(text);
  return Array.from({ length: source.count }, (_, i) => source.line(i));
}

describe('scanLines', () => {
  it('splits on LF, CRLF and lone CR, keeping empty lines', () => {
    assert.deepEqual(linesOf('a\nb\r\nc\rd'), ['a', 'b', 'c', 'd']);
    assert.deepEqual(linesOf('a\r\n\r\nb\n'), ['a', '', 'b', '']);
    assert.deepEqual(linesOf('\r\r\n\n'), ['', '', '', '']);
    assert.deepEqual(linesOf(''), ['']);
  });

  it('skips a leading BOM but not a BOM elsewhere', () => {
    assert.deepEqual(linesOf('\uFEFFGET /\n\uFEFFx'), ['GET /', '\uFEFFx']);
  });

  it('joins body lines as one slice for LF files and line by line otherwise', () => {
    assert.equal(scanLines('x\na\n\nb\ny').join(1, 4, '\n'), 'a\n\nb');
    assert.equal(scanLines('x\r\na\r\n\r\nb\r\ny').join(1, 4, '\n'), 'a\n\nb');
    assert.equal(scanLines('x\na\nb').join(1, 3, '\r\n'), 'a\r\nb');
    assert.equal(scanLines('x').join(1, 1, '\n'), '');
  });

  it('reports the first non-blank character', () => {
    const source = scanLines('  ?a\n\t\n&b');
    assert.deepEqual(
      [0, 1, 2].map((i) => source.firstCode(i)),
      [63, -1, 38],
    );
  });
});

describe('classifyLine', () => {
  const cases: [string, string][] = [
    ['', 'blank'],
    ['  \t', 'blank'],
    ['###', 'separator'],
    ['  ### Title', 'separator'],
    ['####', 'separator'],
    ['########   ', 'separator'],
    ['###Title', 'badSeparator'],
    ['## Overview', 'heading'],
    ['#### Address', 'ruleHeading'],
    ['###### Six', 'ruleHeading'],
    ['####### Seven', 'ruleComment'],
    ['# comment', 'comment'],
    ['#', 'comment'],
    ['##', 'comment'],
    ['##no space', 'comment'],
    ['# @name x', 'directive'],
    ['#@name x', 'directive'],
    ['// @sign none', 'directive'],
    ['// note', 'comment'],
    ['# @ alone', 'comment'],
    ['@host = x', 'variable'],
    ['  @a=b', 'variable'],
    ['@host x', 'text'],
    ['@=x', 'text'],
    ['GET /', 'text'],
    ['/path', 'text'],
  ];
  for (const [line, kind] of cases) {
    it(`${JSON.stringify(line)} is ${kind}`, () => assert.equal(classifyLine(line), kind));
  }
});
