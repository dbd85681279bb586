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
