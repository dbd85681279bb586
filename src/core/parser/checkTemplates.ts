import type { Severity } from '../model/diagnostic';
import type { DiagnosticSink } from './diagnosticSink';

/**
 * Reports each `{{` in `text` that has no `}}` after it. `where` names the place for the message
 * ("the URL", "the header value", …); `columnOffset` is where `text` starts in its line.
 */
export function checkTemplates(
  text: string,
  lineIndex: number,
  where: string,
  severity: Severity,
  sink: DiagnosticSink,
  columnOffset = 0,
): void {
  let from = 0;
  for (;;) {
    const open = text.indexOf('{{', from);
    if (open === -1) return;
    const close = text.indexOf('}}', open + 2);
    if (close === -1) {
      sink.add(
        lineIndex,
        severity,
        'unterminated-variable',
        `Unterminated '{{' in ${where}: close the variable with '}}' (e.g. '{{host}}'), or write a literal '{{' as '%7B%7B'.`,
        columnOffset + open,
      );
      return;
    }
    from = close + 2;
  }
}
