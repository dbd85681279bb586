import * as path from 'node:path';

import type { AssertionResult } from '../assert/assertion';
import { directiveOf, type ParsedDocument, type ParsedRequest } from '../model/document';
import { responseShape, type ShapeSource } from './responseShape';
import { formatSnapshotFile, parseSnapshotFile, shapeDiff, SnapshotFileError, snapshotPathFor } from './snapshotFile';
import type { SnapshotOptions } from './snapshotStore';

/** The `# @expect-snapshot` directive of a request, or undefined. */
export function snapshotDirective(request: ParsedRequest) {
  return directiveOf(request, 'expect-snapshot');
}

/**
 * A request's key in its snapshot file: its `# @name`, else its method and URL as written (so one
 * snapshot serves every environment); a repeat of the same key gets `#INDEX`.
 */
export function snapshotKey(document: ParsedDocument, request: ParsedRequest): string {
  const keyOf = (candidate: ParsedRequest) => candidate.name ?? `${candidate.method} ${candidate.url}`;
  const key = keyOf(request);
  const first = document.requests.find((candidate) => keyOf(candidate) === key);
  return first === undefined || first.index === request.index ? key : `${key} #${request.index}`;
}

export interface SnapshotSubject {
  document: ParsedDocument;
  request: ParsedRequest;
  /** The request file's path on disk; the snapshot file is `<path>.snap`. */
  requestPath: string;
  response: ShapeSource;
  /** Whether the rest of the request's checks passed: only a good response is recorded. */
  good: boolean;
}

/** The snapshot check of a request with `# @expect-snapshot`, as an assertion result at the directive's line. */
export function checkSnapshot(subject: SnapshotSubject, options: SnapshotOptions): AssertionResult | null {
  const directive = snapshotDirective(subject.request);
  if (!directive) return null;
  const snapPath = snapshotPathFor(subject.requestPath);
  const shown = path.basename(snapPath);
  const key = snapshotKey(subject.document, subject.request);
  const verdict = (passed: boolean, actual: string, failure: string | null): AssertionResult => ({
    line: directive.line,
    text: `snapshot ${shown} "${key}"`,
    subject: null,
    passed,
    actual,
    failure,
  });
  let file;
  try {
    const text = options.store.read(snapPath);
    file = text === null ? { sections: new Map<string, string[]>() } : parseSnapshotFile(text);
  } catch (error) {
    const where = error instanceof SnapshotFileError ? `${shown}:${error.line}` : shown;
    const reason = error instanceof Error ? error.message : String(error);
    return verdict(false, '(unreadable)', `cannot read the snapshot file ${where}: ${reason}; fix or delete it`);
  }
  const shape = responseShape(subject.response);
  const recorded = file.sections.get(key);
  if (recorded !== undefined && !options.update) {
    const diff = shapeDiff(recorded, shape);
    if (diff.length === 0) return verdict(true, 'same shape', null);
    return verdict(
      false,
      `${diff.length} line${diff.length === 1 ? '' : 's'} differ`,
      `the response's shape differs from ${shown} "${key}" (- snapshot, + now):\n${diff.join('\n')}\nIf the change is intended, run gwhttp send --update-snapshots and commit ${shown}.`,
    );
  }
  if (!subject.good) {
    return verdict(false, '(not recorded)', `the response did not pass its checks, so it is not recorded in ${shown}`);
  }
  if (recorded === undefined && options.ci && !options.update) {
    return verdict(
      false,
      '(no snapshot)',
      `${shown} has no snapshot of "${key}", and a CI run does not record one: run gwhttp send --update-snapshots locally and commit ${shown}`,
    );
  }
  file.sections.set(key, shape);
  try {
    options.store.write(snapPath, formatSnapshotFile(file, path.basename(subject.requestPath)));
  } catch (error) {
    return verdict(
      false,
      '(not written)',
      `cannot write ${shown}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  return verdict(true, recorded === undefined ? 'snapshot written' : 'snapshot updated', null);
}
