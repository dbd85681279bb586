import { GwHttpError, type SourceLocation } from '../errors';
import type { Redactor } from '../redaction';
import type { RunError } from './runTypes';

/**
 * A failure as data: one line that starts with `file:line:` (unless the message already names the
 * place), with a hint, and with any secret in play masked.
 */
export function runError(error: unknown, location: SourceLocation, redactor: Redactor): RunError {
  const where = `${location.file}:${location.line}`;
  const gwError = error instanceof GwHttpError ? error : null;
  const raw = error instanceof Error ? error.message : String(error);
  const oneLine = raw.replace(/\s*\n\s*/g, ' ').trim();
  const message = oneLine.startsWith(`${where}:`) || /^\S+:\d+: /.test(oneLine) ? oneLine : `${where}: ${oneLine}`;
  return {
    code: gwError?.code ?? 'internal',
    message: redactor.text(message),
    hint: redactor.text(
      gwError?.hint ?? 'This is a bug in gwhttp; please report it with the request (without secrets).',
    ),
  };
}
