import { markBlockComments } from './blockComments';
import { type BlockKind, blockKindOf } from './blockHeadings';
import { classifyLine, headingParts, type LineKind } from './classifyLine';
import type { DiagnosticSink } from './diagnosticSink';
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
 * Lines inside `/* … *\/` block comments are comments.
 */
export function classifyLines(source: SourceText, sink: DiagnosticSink): ClassifiedLines {
  const { text, starts, ends } = source;
  const kinds: LineKind[] = [];
  const blockKinds = new Map<number, BlockKind>();
  const rules: number[] = [];
  for (let i = 0; i < starts.length; i++) {
    const raw = classifyLine(text, starts[i], ends[i]);
    if (raw === 'ruleHeading' || raw === 'ruleComment') {
      rules.push(i);
      kinds.push('comment');
    } else if (raw === 'badSeparator') {
      kinds.push('comment');
      sink.warning(
        i,
        'separator-without-space',
        "This line starts with '###' but has no space after it, so it is a comment, not a request separator: write '### title' (with a space) to start a new request.",
      );
    } else {
      kinds.push(raw);
    }
    if (raw === 'heading' || raw === 'ruleHeading') {
      const kind = blockKindOf(headingParts(source.line(i)).text);
      if (kind) blockKinds.set(i, kind);
    }
  }
  const hasBlockHeading = blockKinds.size > 0;
  for (const i of rules) {
    if (!hasBlockHeading) kinds[i] = 'separator';
    else if (classifyLine(text, starts[i], ends[i]) === 'ruleHeading') kinds[i] = 'heading';
  }
  markBlockComments(source, kinds, sink);
  return { source, kinds, blockKinds, hasBlockHeading };
}
