import { GwHttpError } from '../errors';
import type { Diagnostic } from '../model/diagnostic';
import type { ParsedDocument } from '../model/document';

/** Error diagnostics that fall inside the regions of the chosen requests (nothing is sent then). */
export function parseProblems(document: ParsedDocument, indexes: readonly number[]): Diagnostic[] {
  const chosen = indexes.map((index) => document.requests[index]).filter((request) => request !== undefined);
  return document.diagnostics.filter(
    (diagnostic) =>
      diagnostic.severity === 'error' &&
      chosen.some((request) => diagnostic.line >= request.regionStartLine && diagnostic.line <= request.endLine),
  );
}

/** Throws GwHttpError('parse') at the first error in the chosen requests' regions, naming file:line; nothing is sent then. */
export function assertSendable(document: ParsedDocument, indexes: readonly number[], file: string): void {
  const problems = parseProblems(document, indexes);
  if (problems.length === 0) return;
  const first = problems[0];
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
  throw new GwHttpError(
    'parse',
    `${first.message}${more}`,
    { file, line: first.line },
    { hint: 'Fix the errors in the file (gwhttp parse FILE lists them); nothing was sent.' },
  );
}
