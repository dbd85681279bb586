/**
 * Line-level facts the editor features need and the parsed model does not carry: where the
 * separators and the block headings (`#### Address`, …) are. Pure; lines are 1-based.
 */

export type BlockKind = 'address' | 'method' | 'body' | 'headers';

export interface BlockRange {
  kind: BlockKind;
  /** The heading text as written, e.g. `Request header`. */
  title: string;
  /** Line of the heading. */
  line: number;
  /** Last non-blank line before the next heading or separator (the heading line when the block is empty). */
  endLine: number;
}

const separatorPattern = /^\s*(?:###(?:\s.*)?|####+\s*)$/;
const headingPattern = /^\s*(#{2,6})\s+(\S.*?)\s*$/;
const anyHeadingPattern = /^\s*#{2,}(?:\s|$)/;
const blockNames: [RegExp, BlockKind][] = [
  [/^(?:address(?:es)?|urls?)$/i, 'address'],
  [/^methods?$/i, 'method'],
  [/^(?:request\s+)?bod(?:y|ies)$/i, 'body'],
  [/^(?:request\s+)?headers?$/i, 'headers'],
];

export function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

/** The block kind a heading line opens, or null when the line is not a request block heading. */
export function blockHeadingKind(line: string): { kind: BlockKind; title: string } | null {
  const match = headingPattern.exec(line);
  if (!match || match[1].length === 3) return null;
  const title = match[2];
  const found = blockNames.find(([pattern]) => pattern.test(title));
  return found ? { kind: found[1], title } : null;
}

/**
 * Separator lines (1-based). `#### Title` counts as a separator only in a file without any block
 * heading, as the format spec's REST Client compatibility rule says.
 */
export function findSeparators(lines: readonly string[]): number[] {
  const hasBlocks = lines.some((line) => blockHeadingKind(line) !== null);
  const separators: number[] = [];
  lines.forEach((line, index) => {
    if (separatorPattern.test(line) || (!hasBlocks && /^\s*####+\s+\S/.test(line))) separators.push(index + 1);
  });
  return separators;
}

/** Request blocks of the block form, each up to the next heading or separator. */
export function findBlocks(lines: readonly string[]): BlockRange[] {
  const blocks: BlockRange[] = [];
  lines.forEach((line, index) => {
    const heading = blockHeadingKind(line);
    if (!heading) return;
    let end = index + 1;
    while (end < lines.length && !anyHeadingPattern.test(lines[end])) end++;
    blocks.push({ ...heading, line: index + 1, endLine: lastContentLine(lines, index + 1, end + 1) });
  });
  return blocks;
}

/** The last non-blank line in [fromLine, beforeLine) (1-based, `beforeLine` exclusive); fromLine if all blank. */
export function lastContentLine(lines: readonly string[], fromLine: number, beforeLine: number): number {
  for (let line = beforeLine - 1; line > fromLine; line--) {
    if (lines[line - 1]?.trim()) return line;
  }
  return fromLine;
}
