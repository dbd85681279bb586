import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';

import { findBlocks, findSeparators, splitLines } from '../../../src/core/language/documentLines';
import { documentSymbols } from '../../../src/core/language/documentSymbols';
import { foldingRanges } from '../../../src/core/language/foldingRanges';
import { parseDocument } from '../../../src/core/parser/parseDocument';

const lineForm = [
  '@host = example.com', //          1
  '@token = sk-live-abcdef0123456789', // 2
  '', //                              3
  '### Create an order', //           4
  '# @name createOrder', //           5
  'POST https://{{host}}/orders', //  6
  'Content-Type: application/json', // 7
  '', //                              8
  '{"sku": "A-1"}', //                9
  '', //                              10
  '### Health', //                    11
  'GET https://{{host}}/health', //   12
  '', //                              13
  '###', //                           14
  'DELETE https://{{host}}/orders/1', // 15
].join('\n');

const blockForm = [
  '## Sample Call', //               1
  '#### Address', //                 2
  'http://service.example.com/release', // 3
  '#### Method', //                  4
  'POST', //                         5
  '', //                             6
  '#### Request header', //          7
  'Accept: application/json', //     8
  'Date: Sun, 21 Sep 2017 06:18:21 GMT', // 9
  '## Response', //                  10
  '#### Response code', //           11
  '200', //                          12
].join('\n');

describe('documentSymbols', () => {
  it('lists requests by name, title or method and URL, and file variables with secrets masked', () => {
    const symbols = documentSymbols(parseDocument(lineForm), splitLines(lineForm));
    assert.deepEqual(
      symbols.map((symbol) => [symbol.kind, symbol.name, symbol.line, symbol.endLine, symbol.selectionLine]),
      [
        ['variable', '@host', 1, 1, 1],
        ['variable', '@token', 2, 2, 2],
        ['request', 'createOrder', 4, 9, 6],
        ['request', 'Health', 11, 12, 12],
        ['request', 'DELETE https://{{host}}/orders/1', 14, 15, 15],
      ],
    );
    assert.equal(symbols[2].detail, 'POST https://{{host}}/orders');
    assert.equal(symbols[0].detail, 'example.com');
    assert.ok(!symbols[1].detail.includes('abcdef0123456789'));
  });

  it('gives a block-form request its blocks as children', () => {
    const [request] = documentSymbols(parseDocument(blockForm), splitLines(blockForm));
    assert.equal(request.name, 'POST http://service.example.com/release');
    assert.deepEqual(
      request.children.map((child) => [child.name, child.line, child.endLine]),
      [
        ['Address', 2, 3],
        ['Method', 4, 5],
        ['Request header', 7, 9],
      ],
    );
  });

  it('reads the gateway documentation seed into one request with four blocks', () => {
    const seed = fs.readFileSync(path.join(__dirname, '../../fixtures/parser/seed-keypair-sample.gwhttp'), 'utf8');
    const symbols = documentSymbols(parseDocument(seed), splitLines(seed));
    assert.equal(symbols.length, 1);
    assert.deepEqual(
      symbols[0].children.map((child) => child.name),
      ['Address', 'Method', 'Request body', 'Request header'],
    );
  });
});

describe('foldingRanges', () => {
  it('folds each region between separators, trailing blank lines left out', () => {
    assert.deepEqual(foldingRanges(splitLines(lineForm)), [
      { startLine: 1, endLine: 2, kind: 'region' },
      { startLine: 4, endLine: 9, kind: 'region' },
      { startLine: 11, endLine: 12, kind: 'region' },
      { startLine: 14, endLine: 15, kind: 'region' },
    ]);
  });

  it('folds each block of the block form up to the next heading', () => {
    assert.deepEqual(foldingRanges(splitLines(blockForm)), [
      { startLine: 1, endLine: 12, kind: 'region' },
      { startLine: 2, endLine: 3, kind: 'block' },
      { startLine: 4, endLine: 5, kind: 'block' },
      { startLine: 7, endLine: 9, kind: 'block' },
    ]);
  });

  it('treats #### Title as a separator only in a file without block headings', () => {
    assert.deepEqual(findSeparators(['GET http://a/1', '#### Second', 'GET http://a/2']), [2]);
    assert.deepEqual(findSeparators(['#### Address', 'http://a/1', '#### Notes', 'text']), []);
    assert.deepEqual(findBlocks(['### Address', 'http://a/1']), []);
  });
});
