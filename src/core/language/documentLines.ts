/**
 * Line-level facts the editor features need and the parsed model does not carry: where the
 * separators and the block headings (`#### Address`, …) are. Pure; lines are 1-based. Lines are
 * judged by the parser's own `classifyLine` and `blockKindOf`, so the editor and the parser agree.
 */

import { type BlockKind, blockKindOf } from '../parser/blockHeadings';
import { classifyLine, headingParts, type RawLineKind } from '../parser/classifyLine';

export type { BlockKind };

export interface BlockRange {
  kind: BlockKind;
  /** The heading text as written, e.g. `Request header`. */
  title: string;
  /** Line of the heading. */
  line: number;
  /** Last non-blank line before the next heading or separator (the heading line when the block is empty). */
  endLine: number;
}

export function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

/** The block kind a heading line opens, or null when the line is not a request block heading. */
export function blockHeadingKind(line: string): { kind: BlockKind; title: string } | null {
  const lineKind = classifyLine(line);
  if (lineKind !== 'heading' && lineKind !== 'ruleHeading') return null;
  const title = headingParts(line).text;
  const kind = blockKindOf(title);
  return kind ? { kind, title } : null;
}

const blockEnders: ReadonlySet<RawLineKind> = new Set<RawLineKind>([
  'heading',
  'ruleHeading',
  'ruleComment',
  'separator',
]);

/**
 * Separator lines (1-based). `#### Title` counts as a separator only in a file without any block
 * heading, as the format spec's REST Client compatibility rule says.
 */
export function findSeparators(lines: readonly string[]): number[] {
  const hasBlocks = lines.some((line) => blockHeadingKind(line) !== null);
  const separators: number[] = [];
  lines.forEach((line, index) => {
    const kind = classifyLine(line);
    if (kind === 'separator' || (!hasBlocks && (kind === 'ruleHeading' || kind === 'ruleComment'))) {
      separators.push(index + 1);
    }
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
    while (end < lines.length && !blockEnders.has(classifyLine(lines[end]))) end++;
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
