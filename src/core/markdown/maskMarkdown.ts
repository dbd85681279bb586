import type { SourceText } from '../parser/sourceText';
import type { MarkdownRequestRegion } from './markdownRequestRegions';

/** A block heading as the parser reads one: `#` levels 1 and 3 (a comment and a separator there) become `####`. */
function parserHeading(line: string, level: number): string {
  if (level !== 1 && level !== 3) return line;
  const hashes = line.indexOf('#');
  return `${line.slice(0, hashes)}####${line.slice(hashes + level)}`;
}

/**
 * The text the request parser reads for a Markdown file: every line in its place (so requests and
 * diagnostics keep the Markdown file's line numbers), the request regions as written, a `###` separator
 * on the line before each region (its opening fence, or the line above a sample), every other line blank.
 */
export function maskMarkdown(source: SourceText, regions: readonly MarkdownRequestRegion[]): string {
  const lines: string[] = new Array<string>(source.count).fill('');
  for (const region of regions) {
    if (region.from > 0) lines[region.from - 1] = '###';
    for (let i = region.from; i < region.to; i++) lines[i] = source.line(i);
    for (const heading of region.headings) lines[heading.line] = parserHeading(lines[heading.line], heading.level);
  }
  return lines.join('\n');
}
