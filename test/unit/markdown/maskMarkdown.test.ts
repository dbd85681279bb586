/**
 * maskMarkdown (built from one slice per request region) gives exactly the text of the line-by-line
 * reading it replaced: the regions as written, `###` before each, their `#`/`###` block headings as
 * `####`, every other line blank, the line count kept — on the Markdown fixtures and random documents
 * with fences, samples, CRLF and unterminated blocks.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import fc from 'fast-check';

import { markdownOutline } from '../../../src/core/markdown/markdownOutline';
import { type MarkdownRequestRegion, markdownRequestRegions } from '../../../src/core/markdown/markdownRequestRegions';
import { maskMarkdown } from '../../../src/core/markdown/maskMarkdown';
import { scanLines } from '../../../src/core/parser/scanLines';
import type { SourceText } from '../../../src/core/parser/sourceText';

const fixtures = path.resolve(__dirname, '../../fixtures/markdown');

/** The reference: one string per line, regions copied in, headings rewritten, joined with line feeds. */
function maskLineByLine(source: SourceText, regions: readonly MarkdownRequestRegion[]): string {
  const lines: string[] = new Array<string>(source.count).fill('');
  for (const region of regions) {
    if (region.from > 0) lines[region.from - 1] = '###';
    for (let i = region.from; i < region.to; i++) lines[i] = source.line(i);
    for (const heading of region.headings) {
      const line = lines[heading.line];
      if (heading.level !== 1 && heading.level !== 3) continue;
      const hashes = line.indexOf('#');
      lines[heading.line] = `${line.slice(0, hashes)}####${line.slice(hashes + heading.level)}`;
    }
  }
  return lines.join('\n');
}

function masksAgree(markdown: string): void {
  const source = scanLines(markdown);
  const { regions } = markdownRequestRegions(markdownOutline(source), source.count);
  const masked = maskMarkdown(source, regions);
  assert.equal(masked, maskLineByLine(source, regions));
  assert.equal(masked.split('\n').length, source.count);
}

describe('maskMarkdown', () => {
  it('equals the line-by-line mask on every Markdown fixture', () => {
    const files = readdirSync(fixtures).filter((file) => file.endsWith('.md'));
    assert.ok(files.length > 3);
    for (const file of files) masksAgree(readFileSync(path.join(fixtures, file), 'utf8'));
  });

  it('equals the line-by-line mask on random documents (fences, samples, CRLF, unterminated blocks)', () => {
    const line = fc.constantFrom(
      '```http',
      '~~~rest',
      '```',
      '~~~',
      '```js',
      '#### Address',
      '### Method',
      '# Request header',
      '## Prose heading',
      'GET http://127.0.0.1/a',
      'Accept: */*',
      '',
      'prose',
      '<pre><code>',
    );
    const ending = fc.constantFrom('\n', '\r\n');
    const document = fc
      .array(fc.tuple(line, ending), { maxLength: 40 })
      .map((lines) => lines.map(([text, end]) => text + end).join(''));
    fc.assert(fc.property(document, masksAgree), { numRuns: 2000 });
  });
});
