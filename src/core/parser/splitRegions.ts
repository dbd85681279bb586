import { trimmedSlice } from './classifyLine';
import type { ClassifiedLines } from './classifyLines';
import type { SourceText } from './sourceText';

/** The text after a separator's `#`s (trimmed). */
function separatorTitle(source: SourceText, index: number): string {
  const { text } = source;
  const end = source.ends[index];
  let i = source.starts[index];
  while (i < end && text.charCodeAt(i) !== 35) i++;
  while (i < end && text.charCodeAt(i) === 35) i++;
  return trimmedSlice(text, i, end);
}

/** The lines between two separators (or file start/end). Indexes are 0-based; `end` is exclusive. */
export interface Region {
  start: number;
  end: number;
  /** Index of the separator line that opens the region, or -1 for the file's first region. */
  separator: number;
  /** Text after the separator's `#`s, or null. */
  title: string | null;
  /** True when the region holds an Address or URL block heading (it is read in block form). */
  isBlockForm: boolean;
  /** Index of the region's first Method block heading, or -1 (used to explain a missing Address). */
  methodHeading: number;
}

/** Splits a classified file into regions at its separator lines. */
export function splitRegions(classified: ClassifiedLines): Region[] {
  const { kinds, source, blockKinds } = classified;
  const regions: Region[] = [];
  let current: Region = {
    start: 0,
    end: source.count,
    separator: -1,
    title: null,
    isBlockForm: false,
    methodHeading: -1,
  };
  for (let i = 0; i < kinds.length; i++) {
    if (kinds[i] !== 'separator') continue;
    current.end = i;
    regions.push(current);
    const title = separatorTitle(source, i);
    current = {
      start: i + 1,
      end: source.count,
      separator: i,
      title: title === '' ? null : title,
      isBlockForm: false,
      methodHeading: -1,
    };
  }
  regions.push(current);
  if (blockKinds.size > 0) markBlockForm(regions, classified);
  return regions;
}

function markBlockForm(regions: Region[], classified: ClassifiedLines): void {
  let r = 0;
  // blockKinds was filled in line order, so its entries are sorted.
  for (const [line, kind] of classified.blockKinds) {
    while (r < regions.length && regions[r].end <= line) r++;
    if (r === regions.length) return;
    if (kind === 'address') regions[r].isBlockForm = true;
    if (kind === 'method' && regions[r].methodHeading === -1) regions[r].methodHeading = line;
  }
}
