import type { SourceText } from '../parser/sourceText';
import type { MarkdownRequestRegion } from './markdownRequestRegions';

/** A block heading as the parser reads one: `#` levels 1 and 3 (a comment and a separator there) become `####`. */
function parserHeading(line: string, level: number): string {
  if (level !== 1 && level !== 3) return line;
  const hashes = line.indexOf('#');
  return `${line.slice(0, hashes)}####${line.slice(hashes + level)}`;
}

/** True when each region starts (with its `###` line) after the one before it ends, as markdownRequestRegions gives them. */
function separated(regions: readonly MarkdownRequestRegion[]): boolean {
  for (let i = 1; i < regions.length; i++) if (regions[i].from - 1 < regions[i - 1].to) return false;
  return regions.every((region) => region.from <= region.to);
}

/** Lines `from` to `to - 1` of the source, each followed by a line feed. */
function linesOf(source: SourceText, from: number, to: number): string {
  return to > from ? `${source.join(from, to, '\n')}\n` : '';
}

/** A region's lines, each followed by a line feed, its block headings as the parser reads them. */
function regionText(source: SourceText, region: MarkdownRequestRegion): string {
  const pieces: string[] = [];
  let next = region.from;
  for (const heading of region.headings) {
    pieces.push(linesOf(source, next, heading.line), `${parserHeading(source.line(heading.line), heading.level)}\n`);
    next = heading.line + 1;
  }
  pieces.push(linesOf(source, next, region.to));
  return pieces.join('');
}

/** The mask line by line (any regions, a later region's `###` line written over an earlier region's line). */
function maskByLine(source: SourceText, regions: readonly MarkdownRequestRegion[]): string {
  const lines: string[] = new Array<string>(source.count).fill('');
  for (const region of regions) {
    if (region.from > 0) lines[region.from - 1] = '###';
    for (let i = region.from; i < region.to; i++) lines[i] = source.line(i);
    for (const heading of region.headings) lines[heading.line] = parserHeading(lines[heading.line], heading.level);
  }
  return lines.join('\n');
}

/**
 * The text the request parser reads for a Markdown file: every line in its place (so requests and
 * diagnostics keep the Markdown file's line numbers), the request regions as written, a `###` separator
 * on the line before each region (its opening fence, or the line above a sample), every other line blank.
 * Built from one slice per region and runs of line feeds, not one string per line.
 */
export function maskMarkdown(source: SourceText, regions: readonly MarkdownRequestRegion[]): string {
  if (!separated(regions)) return maskByLine(source, regions);
  const pieces: string[] = [];
  let next = 0;
  for (const region of regions) {
    if (region.from > 0) pieces.push('\n'.repeat(region.from - 1 - next), '###\n');
    pieces.push(regionText(source, region));
    next = region.to;
  }
  pieces.push('\n'.repeat(source.count - next));
  // Every line was followed by a line feed; the last line has none.
  return pieces.join('').slice(0, -1);
}
