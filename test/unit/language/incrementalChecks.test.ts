/**
 * The editor's incremental parse and checks (the region parse memo, the diagnostics memo) give exactly
 * what a fresh read of the same text gives: the same requests, variables and diagnostics in the same
 * order, after any sequence of edits, on both real-world corpora, on Markdown files, and for an edit at
 * every position of a small file.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import fc from 'fast-check';

import { parseRequestFile } from '../../../src/core/files/parseRequestFile';
import { DiagnosticsMemo } from '../../../src/core/language/diagnosticsMemo';
import { documentDiagnostics } from '../../../src/core/language/documentDiagnostics';
import type { ParsedRequestText } from '../../../src/core/markdown/parseMarkdown';
import { LineScanMemo } from '../../../src/core/parser/lineScanMemo';
import { LineKindMemo, rawLineKinds } from '../../../src/core/parser/rawLineKinds';
import { RegionParseMemo } from '../../../src/core/parser/regionParseMemo';
import { rescanLines, scanLines } from '../../../src/core/parser/scanLines';
import { unchangedEnds } from '../../../src/core/text/unchangedEnds';
import type { VariableScope } from '../../../src/core/variables/variableScope';

const fixtures = path.resolve(__dirname, '../../fixtures');

function filesOf(dir: string, extension: RegExp): { name: string; text: string }[] {
  return readdirSync(path.join(fixtures, dir))
    .filter((file) => extension.test(file))
    .sort()
    .map((file) => ({ name: file, text: readFileSync(path.join(fixtures, dir, file), 'utf8') }));
}

const corpus = [...filesOf('corpus', /\.(http|rest)$/), ...filesOf('corpus-http2', /\.(http|rest)$/)];
const markdown = filesOf('markdown', /\.md$/);

type Scope = Set<string> | Pick<VariableScope, 'knownNames' | 'unselected'> | null;

/** Scopes the editor checks with: none (untrusted), a set of names, and an unselected environment. */
const scopes: Scope[] = [
  null,
  new Set(['host', 'token', 'baseUrl']),
  {
    knownNames: new Set(['host']),
    unselected: { available: ['dev', 'prod'], ignored: null, definedIn: new Map([['token', ['dev']]]) },
  },
];

/** One open document as the editor keeps it: its last parse and its memos. */
class Session {
  private readonly parseMemo = new RegionParseMemo();
  // Half share the parse's line scan and unchanged ends (as the editor does), half scan on their own.
  private readonly checkMemos = scopes.map((_, i) => new DiagnosticsMemo(i % 2 === 0 ? this.parseMemo : undefined));
  private previous: ParsedRequestText | undefined;

  constructor(private readonly fileName: string) {}

  /** Reads `text` incrementally and asserts the result equals a fresh read. */
  update(text: string): void {
    const incremental = parseRequestFile(this.fileName, text, this.parseMemo, this.previous);
    const fresh = parseRequestFile(this.fileName, text);
    assert.deepStrictEqual(incremental, fresh);
    scopes.forEach((scope, i) => {
      assert.deepStrictEqual(
        documentDiagnostics(incremental.document, incremental.text, scope, this.checkMemos[i]),
        documentDiagnostics(fresh.document, fresh.text, scope),
      );
    });
    this.previous = incremental;
  }
}

/** Pieces typed or pasted in: request lines, separators, directives, references, secrets, fences. */
const pieces = [
  '\n',
  '\r\n',
  ' ',
  'x',
  '###',
  '### next\n',
  '#### Address\n',
  '# @name a b\n',
  '# @sign tencent-keypair id=AKIDbench0000\n',
  'GET http://127.0.0.1/{{host}}\n',
  'POST /orders HTTP/1.1\n',
  'Content-Type: application/json\n',
  '\n{"a": {{token}}}\n',
  '  ?page=1\n',
  '@v = {{w}}\n@w = {{v}}\n',
  '{{',
  '}}',
  '{{a.response.body.$.id}}',
  'SecretKey = abcdef123456\n',
  'AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE\n',
  '/*',
  '*/',
  '{%\n',
  '%}\n',
  '?? status == 200\n',
  '```http\n',
  '```\n',
];

interface Edit {
  at: number;
  remove: number;
  insert: string;
}

const edit = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  remove: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 200 })),
  insert: fc.oneof(fc.constantFrom(...pieces), fc.constant('')),
});

function applied(text: string, e: Edit): string {
  const at = Math.floor(e.at * text.length);
  return text.slice(0, at) + e.insert + text.slice(at + e.remove);
}

function editsHold(file: { name: string; text: string }, edits: Edit[]): void {
  const session = new Session(file.name);
  let text = file.text;
  session.update(text);
  for (const e of edits) {
    text = applied(text, e);
    session.update(text);
  }
}

describe('incremental parse and checks equal a fresh read', () => {
  it('on every corpus file, under random edits (both corpora)', () => {
    assert.ok(corpus.length > 100, `found only ${corpus.length} corpus files`);
    fc.assert(fc.property(fc.constantFrom(...corpus), fc.array(edit, { minLength: 1, maxLength: 8 }), editsHold), {
      numRuns: 300,
    });
  });

  it('on every corpus file, read one after another in one document (a whole-text change each time)', () => {
    const session = new Session('all.http');
    for (const file of corpus) session.update(file.text);
  });

  it('on Markdown files, under random edits', () => {
    assert.ok(markdown.length > 3);
    fc.assert(fc.property(fc.constantFrom(...markdown), fc.array(edit, { minLength: 1, maxLength: 8 }), editsHold), {
      numRuns: 100,
    });
  });

  it('rescans the lines of an edited text as scanLines does (line ends, byte order marks)', () => {
    const piece = fc.constantFrom('\n', '\r\n', '\r', 'a', '\uFEFF', ' ', '###');
    const text = fc.array(piece, { maxLength: 60 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, fc.array(edit, { minLength: 1, maxLength: 3 }), (before, edits) => {
        let previous = scanLines(before);
        for (const e of edits) {
          const after = applied(previous.text, e);
          const rescanned = rescanLines(previous, after, unchangedEnds(previous.text, after));
          assert.deepStrictEqual(rescanned, scanLines(after));
          previous = rescanned;
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('classifies the lines of an edited text as a fresh classification does (only the edited ones again)', () => {
    const piece = fc.constantFrom('\n', '\r\n', '\r', 'a', '\uFEFF', ' ', '###', '#### Address', '# @name x', '@v = 1');
    const text = fc.array(piece, { maxLength: 60 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, fc.array(edit, { minLength: 1, maxLength: 4 }), (before, edits) => {
        const lines = new LineScanMemo();
        const kinds = new LineKindMemo();
        let current = before;
        kinds.kindsOf(lines.scan(current), lines.unchangedLines);
        for (const e of edits) {
          current = applied(current, e);
          const source = lines.scan(current);
          assert.deepStrictEqual(kinds.kindsOf(source, lines.unchangedLines), rawLineKinds(scanLines(current)));
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('for an edit at every position of a small file (typing, a new line, deleting)', () => {
    const small = [
      '@host = 127.0.0.1',
      '### one',
      '# @name one',
      '# @sign tencent-keypair id=AKIDbench0000',
      'POST http://{{host}}/a',
      'Content-Type: application/json',
      '',
      '{"id": {{one.response.body.$.id}}}',
      '',
      '### two',
      'GET http://{{host}}/b',
      '  ?q={{missing}}',
      '',
      '#### Address',
      'x',
    ].join('\n');
    for (let at = 0; at <= small.length; at++) {
      for (const change of [
        { insert: 'x', remove: 0 },
        { insert: '\n', remove: 0 },
        { insert: '', remove: 1 },
      ]) {
        const session = new Session('small.http');
        session.update(small);
        session.update(small.slice(0, at) + change.insert + small.slice(at + change.remove));
        session.update(small);
      }
    }
  });
});
