/**
 * Property/fuzz test: thousands of random files, files built from the format's own pieces, and random
 * mutations of the fixtures and the corpus. parseDocument must never throw and must hold its output
 * invariants on every one of them.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import fc from 'fast-check';

import { parseDocument } from '../../../src/core/parser/parseDocument';
import { checkInvariants } from './checkInvariants';

const fixtureDirs = ['../../fixtures/parser', '../../fixtures/corpus'].map((d) => path.resolve(__dirname, d));
const samples = fixtureDirs.flatMap((dir) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.gwhttp') || f.endsWith('.http'))
    .map((f) => readFileSync(path.join(dir, f), 'utf8')),
);

/** Lines that exercise every rule of the format, good and bad. */
const pieces = [
  '',
  '   ',
  '###',
  '### Title',
  '####',
  '#### Title',
  '##### Address',
  '#### Address',
  '## URL',
  '#### Method',
  '#### Methods',
  '#### Request body',
  '#### Request headers',
  '#### Headers',
  '#### Body',
  '## Response',
  '###x',
  '#######',
  '####### long',
  '# comment',
  '// comment',
  '# @name req1',
  '// @sign tencent-keypair id=AKID1',
  '# @timeout 100',
  '# @timeout x',
  '# @unknown',
  '# @sign',
  '@host = example.com',
  '@x=',
  '@ = nothing',
  'GET https://{{host}}/a',
  'POST https://example.com/b HTTP/1.1',
  'post /c',
  'FROB https://x',
  'POST',
  'https://example.com/d',
  '  ?q=1',
  '&r=2',
  '    /more',
  '?? status == 200',
  'Content-Type: application/json',
  'Content-Type: multipart/form-data; boundary=B',
  'Accept application/json',
  'Bad Name: v',
  ': v',
  'X-T: {{t',
  '{"a": 1}',
  '--B',
  '< ./file.json',
  '<@ ./t.json',
  '> {%',
  '%}',
  '< {%',
  '> ./h.js',
  '>> out.json',
  '<> prev.json',
  '<pre><code>',
  '</code></pre>',
  '<pre><code>POST</code></pre>',
  '<pre><code>https://x.example.com/y',
  '```',
  '```json',
  '// note',
  'prose line: with colon',
  '| a | b |',
  '- list item',
  'HTTP/1.1 200 OK',
  '{{',
  '}}',
  '\u0000\u0001',
  '\uFEFF',
  '#',
  '##',
  '# ',
  '## ',
  '@',
  '@@',
  '<',
  '>',
  '<pre',
  '`',
  '``',
  '````',
];

const lineEnd = fc.constantFrom('\n', '\r\n', '\r');

const pieceFile = fc
  .array(fc.tuple(fc.constantFrom(...pieces), lineEnd), { maxLength: 60 })
  .map((parts) => parts.map(([line, end]) => line + end).join(''));

const mutation = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('swap' as const), at: fc.nat(), with: fc.nat() }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), line: fc.constantFrom(...pieces) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('noise' as const), at: fc.nat(), text: fc.string({ maxLength: 8 }) }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function mutate(text: string, mutations: Mutation[]): string {
  let lines = text.split('\n');
  for (const m of mutations) {
    const at = m.at % Math.max(lines.length, 1);
    if (m.kind === 'delete') lines.splice(at, 1);
    else if (m.kind === 'duplicate') lines.splice(at, 0, lines[at] ?? '');
    else if (m.kind === 'insert') lines.splice(at, 0, m.line);
    else if (m.kind === 'swap') {
      const other = m.with % Math.max(lines.length, 1);
      [lines[at], lines[other]] = [lines[other] ?? '', lines[at] ?? ''];
    } else if (m.kind === 'truncate') lines = text.slice(0, m.at % (text.length + 1)).split('\n');
    else lines[at] = `${(lines[at] ?? '').slice(0, m.at % 7)}${m.text}${(lines[at] ?? '').slice(m.at % 7)}`;
  }
  return lines.join('\n');
}

function holds(text: string): void {
  let document;
  try {
    document = parseDocument(text);
  } catch (error) {
    assert.fail(`parseDocument threw on ${JSON.stringify(text.slice(0, 200))}: ${String(error)}`);
  }
  checkInvariants(text, document);
}

describe('parser: property and fuzz tests', function () {
  // Thousands of parses: generous on a shared, loaded machine (this is not a speed test).
  this.timeout(120_000);

  it('never throws on random strings (2000 runs)', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 400 }), holds), { numRuns: 2000 });
  });

  it("never throws on files built from the format's pieces (3000 runs)", () => {
    fc.assert(fc.property(pieceFile, holds), { numRuns: 3000 });
  });

  it('never throws on mutated fixtures and corpus files (3000 runs)', () => {
    assert.ok(samples.length > 80);
    const mutated = fc
      .tuple(fc.constantFrom(...samples), fc.array(mutation, { minLength: 1, maxLength: 6 }))
      .map(([text, mutations]) => mutate(text, mutations));
    fc.assert(fc.property(mutated, holds), { numRuns: 3000 });
  });

  it('keeps the other requests when one request is mangled', () => {
    const stable = '### A\nGET https://example.com/a\nX-A: 1\n\n';
    const last = '\n### C\nPOST https://example.com/c\n\nbody-c\n';
    fc.assert(
      fc.property(pieceFile, (middle) => {
        const safeMiddle = middle.replace(/^\s*#{3,}.*$/gm, '');
        const document = parseDocument(`${stable}### B\n${safeMiddle}${last}`);
        const a = document.requests[0];
        const c = document.requests[document.requests.length - 1];
        assert.equal(a.url, 'https://example.com/a');
        assert.deepEqual(
          a.headers.map((h) => [h.name, h.value]),
          [['X-A', '1']],
        );
        assert.equal(c.url, 'https://example.com/c');
        assert.equal(c.body, 'body-c');
      }),
      { numRuns: 1000 },
    );
  });
});
