import type { Diagnostic } from '../model/diagnostic';
import type { FileVariable, LineRange, ParsedRequest } from '../model/document';

/**
 * Moves a result's line numbers by `delta` (lines inserted or removed above it), as new objects: the
 * results of an incremental parse or check share the unchanged parts with the previous ones, so nothing
 * is changed in place. Every line-numbered field of the model is moved here, and only here.
 */
function shiftRange(range: LineRange | null, delta: number): LineRange | null {
  return range === null ? null : { startLine: range.startLine + delta, endLine: range.endLine + delta };
}

/** Any item with a `line`, on another line. */
export function shiftLine<T extends { line: number }>(item: T, delta: number): T {
  return { ...item, line: item.line + delta };
}

/** A request with its request, URL, region, body, header, directive and assertion lines moved. */
export function shiftRequest<T extends ParsedRequest>(request: T, delta: number): T {
  if (delta === 0) return request;
  return {
    ...request,
    line: request.line + delta,
    endLine: request.endLine + delta,
    regionStartLine: request.regionStartLine + delta,
    urlLine: request.urlLine + delta,
    headers: request.headers.map((header) => shiftLine(header, delta)),
    bodyRange: shiftRange(request.bodyRange, delta),
    directives: request.directives.map((directive) => shiftLine(directive, delta)),
    assertions: request.assertions.map((assertion) => shiftLine(assertion, delta)),
  };
}

/** A diagnostic on another line (its columns stay). */
export function shiftDiagnostic(diagnostic: Diagnostic, delta: number): Diagnostic {
  return delta === 0 ? diagnostic : shiftLine(diagnostic, delta);
}

/** A file variable on another line. */
export function shiftVariable(variable: FileVariable, delta: number): FileVariable {
  return delta === 0 ? variable : shiftLine(variable, delta);
}

/** `items` each moved by `delta` with `shift` (the same array when nothing moves). */
export function shiftAll<T>(items: readonly T[], delta: number, shift: (item: T, delta: number) => T): T[] {
  return delta === 0 ? (items as T[]) : items.map((item) => shift(item, delta));
}
