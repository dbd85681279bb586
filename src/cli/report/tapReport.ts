import type { ReportEntry, RunReport } from './reportEntry';

/**
 * A TAP 14 report (testanything.org): one test point per request, `ok`/`not ok`, and for a failed
 * one a YAML block with the file, line, status, error and failed assertions. Strings in the block are
 * JSON-quoted, which YAML reads as they are, so no response text can break the block.
 */
export function tapReport(report: RunReport): string {
  const entries = report.files.flatMap((group) => group.entries);
  const lines = ['TAP version 14', `1..${entries.length}`];
  entries.forEach((entry, position) => {
    lines.push(`${entry.passed ? 'ok' : 'not ok'} ${position + 1} - ${pointDescription(entry)}`);
    if (!entry.passed) lines.push(...diagnosticBlock(entry));
  });
  return `${lines.join('\n')}\n`;
}

/** `#1 ping GET http://… (file:3)`; `#` is TAP's directive marker, so it is escaped in the description. */
function pointDescription(entry: ReportEntry): string {
  return `${entry.label} (${entry.file}:${entry.line})`.replace(/[\r\n]+/g, ' ').replace(/#/g, '\\#');
}

function diagnosticBlock(entry: ReportEntry): string[] {
  const quote = (text: string) => JSON.stringify(text);
  const block = ['  ---', `  file: ${quote(entry.file)}`, `  line: ${entry.line}`];
  if (entry.status) block.push(`  status: ${entry.status.code}`);
  if (entry.durationMs !== null) block.push(`  duration_ms: ${entry.durationMs}`);
  if (entry.error) block.push(`  message: ${quote(entry.error.message)}`, `  hint: ${quote(entry.error.hint)}`);
  const failed = entry.assertions.filter((assertion) => !assertion.passed);
  if (failed.length > 0) {
    block.push('  failed_assertions:');
    for (const assertion of failed) {
      block.push(
        `    - line: ${assertion.line}`,
        `      assertion: ${quote(assertion.text)}`,
        `      failure: ${quote(assertion.failure ?? 'failed')}`,
        `      actual: ${quote(assertion.actual)}`,
      );
    }
  }
  block.push('  ...');
  return block;
}
