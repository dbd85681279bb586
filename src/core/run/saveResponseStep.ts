import * as path from 'node:path';

import type { ResponseSaveLine } from '../model/document';
import type { ResponseFileStore } from './responseFileStore';
import type { RunContext, RunResult } from './runTypes';

/** The most `name-N` alternatives tried for `>> path` before giving up and overwriting the last. */
const maxAlternatives = 10_000;

/**
 * After the response: a request with `>> path`, `>>! path` or `# @save path` has its body written
 * there (relative to the request file's folder, folders created). `>>` keeps an existing file and writes
 * `name-1.ext`, `name-2.ext`, … instead (JetBrains); `>>!` and `@save` replace it. The path written
 * goes to `result.savedTo`; a failure to write is a warning, not a failed request.
 */
export function saveResponseStep(
  save: ResponseSaveLine | null,
  result: RunResult,
  context: Pick<RunContext, 'responseFiles' | 'variables'>,
): void {
  const store = context.responseFiles;
  if (!save || !store || !result.response) return;
  const requestFile = context.variables.requestFile;
  if (!path.isAbsolute(save.path) && !requestFile) {
    result.warnings.push(
      `line ${save.line}: the response body was not saved to ${save.path}: save the request file first.`,
    );
    return;
  }
  const wanted = path.resolve(path.dirname(requestFile ?? ''), save.path);
  const file = save.overwrite ? wanted : freeName(wanted, store);
  try {
    store.write(file, result.response);
    result.savedTo = file;
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    result.warnings.push(`line ${save.line}: the response body could not be saved to ${file} (${reason}).`);
  }
}

/** The note the CLI and the panel show for a saved body, with the path as the front end shows paths. */
export function savedBodyNote(shownPath: string): string {
  return `response body saved to ${shownPath}`;
}

/** `file` when it does not exist yet, else the first free `name-N.ext` beside it. */
function freeName(file: string, store: ResponseFileStore): string {
  if (!store.exists(file)) return file;
  const extension = path.extname(file);
  const stem = file.slice(0, file.length - extension.length);
  let candidate = file;
  for (let n = 1; n <= maxAlternatives; n++) {
    candidate = `${stem}-${n}${extension}`;
    if (!store.exists(candidate)) return candidate;
  }
  return candidate;
}
