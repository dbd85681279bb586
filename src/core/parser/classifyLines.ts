import { blockKindOf, type BlockKind } from './blockHeadings';
import { classifyLine, headingParts, type LineKind } from './classifyLine';
import type { DiagnosticSink } from './diagnostics';

/** Every line of a file with its kind, and the block kind of each block heading. */
export interface ClassifiedLines {
  lines: string[];
  kinds: LineKind[];
  /** Line index → block kind, for headings that open a request block. */
  blockKinds: Map<number, BlockKind>;
  hasBlockHeading: boolean;
}

/**
 * Classifies all lines, then applies the REST Client compatibility rule: in a file without any block
 * heading, `#### title` (four or more `#`) is a separator; otherwise it is a heading (or a comment).
 */
export function classifyLines(lines: string[], sink: DiagnosticSink): ClassifiedLines {
  const kinds: LineKind[] = new Array<LineKind>(lines.length);
  const blockKinds = new Map<number, BlockKind>();
  const rules: number[] = [];
  for (let i = 0; i < lines.length; i++) {
    const raw = classifyLine(lines[i]);
    if (raw === 'ruleHeading' || raw === 'ruleComment') {
      rules.push(i);
      kinds[i] = 'comment';
    } else if (raw === 'badSeparator') {
      kinds[i] = 'comment';
      sink.warning(i, 'separator-without-space',
        "This line starts with '###' but has no space after it, so it is a comment, not a request separator: write '### title' (with a space) to start a new request.");
    } else {
      kinds[i] = raw;
    }
    if (raw === 'heading' || raw === 'ruleHeading') {
      const kind = blockKindOf(headingParts(lines[i]).text);
      if (kind) blockKinds.set(i, kind);
    }
  }
  const hasBlockHeading = blockKinds.size > 0;
  for (const i of rules) {
    if (!hasBlockHeading) kinds[i] = 'separator';
    else if (classifyLine(lines[i]) === 'ruleHeading') kinds[i] = 'heading';
  }
  return { lines, kinds, blockKinds, hasBlockHeading };
}
