import { findBlocks, findSeparators, lastContentLine } from './documentLines';

export type FoldKind = 'region' | 'block';

/** A foldable range, 1-based inclusive lines; `kind` tells a request region from a block. */
export interface FoldRange {
  startLine: number;
  endLine: number;
  kind: FoldKind;
}

/**
 * One fold per region between separators (each request with its preamble; the first region only
 * when it holds more than one line) and one per block of the block form (`#### Request header` …).
 */
export function foldingRanges(lines: readonly string[]): FoldRange[] {
  const ranges: FoldRange[] = [];
  const separators = findSeparators(lines);
  const starts = separators[0] === 1 ? separators : [1, ...separators];
  starts.forEach((start, index) => {
    const next = starts[index + 1] ?? lines.length + 1;
    const end = lastContentLine(lines, start, next);
    if (end > start) ranges.push({ startLine: start, endLine: end, kind: 'region' });
  });
  for (const block of findBlocks(lines)) {
    if (block.endLine > block.line) ranges.push({ startLine: block.line, endLine: block.endLine, kind: 'block' });
  }
  return ranges.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
}
