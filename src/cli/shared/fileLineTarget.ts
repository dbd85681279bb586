import * as fs from 'node:fs';
import * as path from 'node:path';

/** A path as given on the command line, and the line it names when given as `FILE:LINE`. */
export interface FileLineTarget {
  path: string;
  /** The 1-based line of `FILE:LINE`, or null for a plain path. */
  line: number | null;
}

/**
 * Reads `FILE:LINE`, the form gwhttp prints for every request (`examples/requests.gwhttp:29`), so a
 * line copied from the output sends that request again. A path that exists as given is a plain path,
 * even when it ends in `:N`.
 */
export function fileLineTarget(given: string, cwd: string): FileLineTarget {
  const match = /^(.+):(\d+)$/.exec(given);
  if (!match || exists(path.resolve(cwd, given)) || !exists(path.resolve(cwd, match[1]))) {
    return { path: given, line: null };
  }
  return { path: match[1], line: Number(match[2]) };
}

function exists(file: string): boolean {
  try {
    fs.statSync(file);
    return true;
  } catch {
    return false;
  }
}
