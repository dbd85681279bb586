import { type BlockKind, blockKindOf } from './blockHeadings';
import { classifyLine, headingParts, type RawLineKind } from './classifyLine';
import type { UnchangedLines } from './lineScanMemo';
import type { SourceText } from './sourceText';

/** What each line of a text is by itself, and the block kind each heading line names (null otherwise). */
export interface RawLineKinds {
  kinds: RawLineKind[];
  blocks: (BlockKind | null)[];
}

function classifyInto(source: SourceText, index: number, into: RawLineKinds): void {
  const raw = classifyLine(source.text, source.starts[index], source.ends[index]);
  into.kinds[index] = raw;
  into.blocks[index] =
    raw === 'heading' || raw === 'ruleHeading' ? blockKindOf(headingParts(source.line(index)).text) : null;
}

/** Every line of `source` classified by itself. */
export function rawLineKinds(source: SourceText): RawLineKinds {
  const into: RawLineKinds = { kinds: new Array<RawLineKind>(source.count), blocks: new Array(source.count) };
  for (let i = 0; i < source.count; i++) classifyInto(source, i, into);
  return into;
}

/**
 * The raw kinds of `source` given those of the text before an edit: the lines the edit left alone (by
 * `unchanged`) take their kind over, only the others are classified. The same as rawLineKinds(source).
 */
export function reclassifyLines(source: SourceText, before: RawLineKinds, unchanged: UnchangedLines): RawLineKinds {
  const into: RawLineKinds = { kinds: new Array<RawLineKind>(source.count), blocks: new Array(source.count) };
  const { first, tailStart, shift } = unchanged;
  for (let i = 0; i < first; i++) {
    into.kinds[i] = before.kinds[i];
    into.blocks[i] = before.blocks[i];
  }
  for (let i = first; i < tailStart; i++) classifyInto(source, i, into);
  for (let i = tailStart; i < source.count; i++) {
    into.kinds[i] = before.kinds[i + shift];
    into.blocks[i] = before.blocks[i + shift];
  }
  return into;
}

/** The raw kinds of a document's last parsed text, to classify only the lines the next edit touched. */
export class LineKindMemo {
  private last: { source: SourceText; kinds: RawLineKinds } | null = null;

  /** rawLineKinds(source), reusing the last result for the lines `unchanged` names. */
  kindsOf(source: SourceText, unchanged: UnchangedLines | null): RawLineKinds {
    const before = this.last;
    const kinds =
      before !== null && unchanged !== null && unchanged.previous === before.source
        ? reclassifyLines(source, before.kinds, unchanged)
        : rawLineKinds(source);
    this.last = { source, kinds };
    return kinds;
  }

  clear(): void {
    this.last = null;
  }
}
