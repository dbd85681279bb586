import assert from 'node:assert/strict';

import fc from 'fast-check';

import { prettyXml } from '../../../src/core/presentation/prettyXml';
import {
  bodyChunk,
  bodyLineLimit,
  highlightLineLimit,
  moreLinesNote,
  startCursor,
} from '../../../src/webview/body/bodyLines';
import type { BodyToken } from '../../../src/webview/body/bodyToken';
import { tokenizeJsonLine } from '../../../src/webview/body/tokenizeJson';
import { tokenizeXmlLine, type XmlState } from '../../../src/webview/body/tokenizeXml';
import { renderBody } from '../../../src/webview/renderBody';
import type { ViewNode } from '../../../src/webview/viewNode';

const pairs = (tokens: BodyToken[]): string[][] => tokens.map((token) => [token.kind, token.text]);

function xmlLines(lines: string[]): BodyToken[][] {
  let state: XmlState = 'text';
  return lines.map((line) => {
    const result = tokenizeXmlLine(line, state);
    state = result.state;
    return result.tokens;
  });
}

function lineText(node: ViewNode): string {
  return (node.children ?? []).map((child) => child.text ?? '').join('');
}

describe('body highlighting (DOM-free)', () => {
  it('tells JSON keys from string values, numbers, literals and punctuation', () => {
    assert.deepEqual(pairs(tokenizeJsonLine('  "name": "a \\"b\\"",')), [
      ['plain', '  '],
      ['key', '"name"'],
      ['punctuation', ':'],
      ['plain', ' '],
      ['string', '"a \\"b\\""'],
      ['punctuation', ','],
    ]);
    assert.deepEqual(pairs(tokenizeJsonLine('[-1.5e3, true, null, falsey]')), [
      ['punctuation', '['],
      ['number', '-1.5e3'],
      ['punctuation', ','],
      ['plain', ' '],
      ['literal', 'true'],
      ['punctuation', ','],
      ['plain', ' '],
      ['literal', 'null'],
      ['punctuation', ','],
      ['plain', ' falsey'],
      ['punctuation', ']'],
    ]);
  });

  it('tokenizes XML tags, attributes and their values, text, and comments spanning lines', () => {
    const [tag, text, comment, after] = xmlLines([
      '<item id="7" note=\'<a>\'/>',
      '  <name>lamp &amp; shade</name>',
      '<!-- a comment',
      'still --><done/>',
    ]);
    assert.deepEqual(pairs(tag), [
      ['tag', '<item'],
      ['plain', ' '],
      ['attribute', 'id'],
      ['punctuation', '='],
      ['string', '"7"'],
      ['plain', ' '],
      ['attribute', 'note'],
      ['punctuation', '='],
      ['string', "'<a>'"],
      ['tag', '/>'],
    ]);
    assert.deepEqual(pairs(text), [
      ['plain', '  '],
      ['tag', '<name>'],
      ['plain', 'lamp &amp; shade'],
      ['tag', '</name>'],
    ]);
    assert.deepEqual(pairs(comment), [['comment', '<!-- a comment']]);
    assert.deepEqual(pairs(after), [
      ['comment', 'still -->'],
      ['tag', '<done/>'],
    ]);
  });

  it('never throws and always gives back the line exactly, whatever the text', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary' }),
        fc.constantFrom<XmlState>('text', 'tag', 'comment', 'quote"'),
        (line, state) => {
          assert.equal(
            tokenizeJsonLine(line)
              .map((token) => token.text)
              .join(''),
            line,
          );
          assert.equal(
            tokenizeXmlLine(line, state)
              .tokens.map((token) => token.text)
              .join(''),
            line,
          );
        },
      ),
      { numRuns: 500 },
    );
  });

  it('puts a fold toggle where the next line is indented deeper, and none in raw text', () => {
    const pretty = JSON.stringify({ a: [1, 2], b: { c: true } }, null, 2);
    const { nodes, cursor } = bodyChunk(pretty, 'json', startCursor, 100, true);
    assert.equal(cursor, null);
    assert.deepEqual(
      nodes.map((node) => node.children?.[0]?.attributes?.['data-fold'] ?? null),
      ['0', '2', null, null, null, '2', null, null, null],
    );
    assert.deepEqual(nodes.map(lineText), pretty.split('\n'));
    const raw = bodyChunk(pretty, null, startCursor, 100, false).nodes;
    assert.ok(raw.every((node) => node.children?.every((child) => child.className === undefined)));
  });

  it('gives the same lines in chunks as at once, XML state carried across chunks', () => {
    const xml = prettyXml(
      `<list>${Array.from({ length: 40 }, (_, i) => `<item id="${i}"><!-- n\n${i} --><v>${i}</v></item>`).join('')}</list>`,
    )!;
    const whole = bodyChunk(xml, 'xml', startCursor, 10_000, true).nodes;
    const chunked: ViewNode[] = [];
    for (let cursor: typeof startCursor | null = startCursor; cursor !== null;) {
      const chunk = bodyChunk(xml, 'xml', cursor, 7, true);
      chunked.push(...chunk.nodes);
      cursor = chunk.cursor;
    }
    assert.deepEqual(chunked, whole);
    assert.ok(whole.some((node) => node.children?.some((child) => child.className === 'tok-comment')));
  });

  it('renders the first lines of a large body and leaves the rest as a stream, up to a cap; over-long lines stay plain', () => {
    const items = Array.from({ length: 3000 }, (_, id) => ({ id }));
    const raw = JSON.stringify(items);
    const pretty = JSON.stringify(items, null, 2);
    const tree = renderBody({ kind: 'text', language: 'json', pretty, raw, truncated: false }, 'pretty');
    const pre = tree.children?.find((child) => child.tag === 'pre');
    assert.equal(pre?.children?.length, 400);
    assert.equal(pre?.stream?.cursor.line, 400);
    assert.equal(pre?.stream?.text, pretty);
    const huge = Array.from({ length: bodyLineLimit + 5 }, (_, index) => String(index)).join('\n');
    const shown: ViewNode[] = [];
    for (let cursor: typeof startCursor | null = startCursor; cursor !== null;) {
      const chunk = bodyChunk(huge, null, cursor, 3000, false);
      shown.push(...chunk.nodes);
      cursor = chunk.cursor;
    }
    assert.equal(shown.length, bodyLineLimit + 1);
    assert.deepEqual(shown[bodyLineLimit], { tag: 'div', className: 'line more-lines', text: moreLinesNote });
    const long = `"${'x'.repeat(highlightLineLimit + 1)}"`;
    assert.deepEqual(bodyChunk(long, 'json', startCursor, 1, true).nodes[0].children, [{ tag: 'span', text: long }]);
  });
});
