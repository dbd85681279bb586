import { markBlockComments } from './blockComments';
import type { BlockKind } from './blockHeadings';
import type { LineKind } from './classifyLine';
import type { DiagnosticSink } from './diagnosticSink';
import { type RawLineKinds, rawLineKinds } from './rawLineKinds';
import type { SourceText } from './sourceText';

/** Every line of a file with its kind, and the block kind of each block heading. */
export interface ClassifiedLines {
  source: SourceText;
  kinds: LineKind[];
  /** Line index → block kind, for headings that open a request block (in line order). */
  blockKinds: Map<number, BlockKind>;
  hasBlockHeading: boolean;
}

/**
 * Classifies all lines, then applies the REST Client compatibility rule: in a file without any block
 * heading, `#### title` (four or more `#`) is a separator; otherwise it is a heading (or a comment).
 * Lines inside `/* … *\/` block comments are comments. `raw` is what each line is by itself, when the
 * caller has it (an editor's memo); otherwise every line is classified here.
 */
export function classifyLines(
  source: SourceText,
  sink: DiagnosticSink,
  raw: RawLineKinds = rawLineKinds(source),
): ClassifiedLines {
  const kinds: LineKind[] = new Array<LineKind>(source.count);
  const blockKinds = new Map<number, BlockKind>();
  const rules: number[] = [];
  for (let i = 0; i < source.count; i++) {
    const kind = raw.kinds[i];
    if (kind === 'ruleHeading' || kind === 'ruleComment') {
      rules.push(i);
      kinds[i] = 'comment';
    } else if (kind === 'badSeparator') {
      kinds[i] = 'comment';
      sink.warning(
        i,
        'separator-without-space',
        "This line starts with '###' but has no space after it, so it is a comment, not a request separator: write '### title' (with a space) to start a new request.",
      );
    } else {
      kinds[i] = kind;
    }
    const block = raw.blocks[i];
    if (block !== null) blockKinds.set(i, block);
  }
  const hasBlockHeading = blockKinds.size > 0;
  for (const i of rules) {
    if (!hasBlockHeading) kinds[i] = 'separator';
    else if (raw.kinds[i] === 'ruleHeading') kinds[i] = 'heading';
  }
  markBlockComments(source, kinds, sink);
  return { source, kinds, blockKinds, hasBlockHeading };
}
