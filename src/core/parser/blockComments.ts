import { indentOf, type LineKind } from './classifyLine';
import type { DiagnosticSink } from './diagnosticSink';
import type { SourceText } from './sourceText';

/** Offset in line `index` just after its opening `/*`, or -1 when the line does not start with one. */
function openingEnd(source: SourceText, index: number): number {
  if (source.firstCode(index) !== 47) return -1;
  const line = source.line(index);
  const at = indentOf(line);
  return line.charCodeAt(at + 1) === 42 ? at + 2 : -1;
}

/**
 * Marks `/* … *\/` block comments as comment lines, as httpYac reads them (real files open with a
 * licence header in one). A comment runs from a line that starts with `/*` to the line holding `*\/`;
 * a separator ends an unclosed one (with a warning), so it can never swallow the next request. Body
 * bytes never depend on line kinds, so a `/*` inside a body is still sent as written.
 */
export function markBlockComments(source: SourceText, kinds: LineKind[], sink: DiagnosticSink): void {
  for (let i = 0; i < kinds.length; i++) {
    const from = kinds[i] === 'text' ? openingEnd(source, i) : -1;
    if (from === -1) continue;
    const open = i;
    let closed = source.line(i).includes('*/', from);
    kinds[i] = 'comment';
    while (!closed && i + 1 < kinds.length && kinds[i + 1] !== 'separator') {
      i++;
      kinds[i] = 'comment';
      closed = source.line(i).includes('*/');
    }
    if (!closed) {
      sink.warning(
        open,
        'unterminated-block-comment',
        "This '/*' block comment has no closing '*/' before the next '###' or the end of the file, so every line up to there is a comment: close it with '*/'.",
      );
    }
  }
}
