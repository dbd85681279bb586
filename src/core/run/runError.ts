import { GwHttpError, type SourceLocation, untitledFile } from '../errors';
import type { Redactor } from '../redaction';
import type { RunError } from './runTypes';

/**
 * A failure as data: what failed (one line, without the place), where (the error's own location,
 * else the request's; the request file by the name the run shows it), a hint and the structured
 * details, with any secret in play masked.
 */
export function runError(
  error: unknown,
  request: SourceLocation,
  requestFile: string | null,
  redactor: Redactor,
): RunError {
  const gwError = error instanceof GwHttpError ? error : null;
  const raw = error instanceof Error ? error.message : String(error);
  const own = gwError?.location ?? null;
  const location =
    own === null ? request : own.file === (requestFile ?? untitledFile) ? { file: request.file, line: own.line } : own;
  const { hint, ...details } = gwError?.details ?? {};
  return {
    code: gwError?.code ?? 'internal',
    message: redactor.text(oneLine(raw)),
    hint: redactor.text(hint ?? 'This is a bug in gwhttp; please report it with the request (without secrets).'),
    location,
    details,
  };
}

/** The message on one line (a thrown Error's own text may span several). */
function oneLine(text: string): string {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .join(' ');
}
