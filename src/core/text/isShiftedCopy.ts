import type { FileVariable, LineRange, ParsedRequest } from '../model/document';

function sameItems<T extends { line: number }>(
  before: readonly T[],
  after: readonly T[],
  delta: number,
  same: (a: T, b: T) => boolean,
): boolean {
  if (before.length !== after.length) return false;
  for (let i = 0; i < before.length; i++) {
    if (before[i].line + delta !== after[i].line || !same(before[i], after[i])) return false;
  }
  return true;
}

function sameRange(before: LineRange | null, after: LineRange | null, delta: number): boolean {
  if (before === null || after === null) return before === after;
  return before.startLine + delta === after.startLine && before.endLine + delta === after.endLine;
}

function sameRequest(a: ParsedRequest, b: ParsedRequest, delta: number): boolean {
  if (a === b) return delta === 0;
  return (
    a.line + delta === b.line &&
    a.endLine + delta === b.endLine &&
    a.urlLine + delta === b.urlLine &&
    a.regionStartLine + delta === b.regionStartLine &&
    a.method === b.method &&
    a.url === b.url &&
    a.body === b.body &&
    a.form === b.form &&
    a.name === b.name &&
    a.title === b.title &&
    sameRange(a.bodyRange, b.bodyRange, delta) &&
    sameItems(a.headers, b.headers, delta, (x, y) => x.name === y.name && x.value === y.value) &&
    sameItems(
      a.directives,
      b.directives,
      delta,
      (x, y) => x.name === y.name && x.key === y.key && x.value === y.value,
    ) &&
    sameItems(a.assertions, b.assertions, delta, (x, y) => x.text === y.text && x.origin === y.origin)
  );
}

/**
 * True when `after` holds the same requests and file variables as `before`, each moved by `delta` lines
 * (the request numbers aside): what was checked of `before` holds for `after`, moved.
 */
export function isShiftedCopy(
  before: { requests: readonly ParsedRequest[]; variables: readonly FileVariable[] },
  after: { requests: readonly ParsedRequest[]; variables: readonly FileVariable[] },
  delta: number,
): boolean {
  if (before.requests.length !== after.requests.length) return false;
  for (let i = 0; i < before.requests.length; i++) {
    if (!sameRequest(before.requests[i], after.requests[i], delta)) return false;
  }
  return sameItems(before.variables, after.variables, delta, (x, y) => x.name === y.name && x.value === y.value);
}
