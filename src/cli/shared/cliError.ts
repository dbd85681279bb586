import { formatLocation, GwHttpError } from '../../core';

/** Exit statuses: 0 success, 1 a request failed, 2 usage or parse error / unreadable file, 3 quota budget reached. */
export const exitOk = 0;
export const exitFailed = 1;
export const exitUsage = 2;
export const exitQuotaBudget = 3;

/** A usage problem (bad arguments): reported on one line, exit 2. */
export function usageError(message: string, hint = "Run 'gwhttp --help' for the usage."): GwHttpError {
  return new GwHttpError('usage', message, null, { hint: hint });
}

/** Writes `gwhttp: message` and the hint to stderr (never a stack trace); returns the exit status. */
export function reportCliError(error: unknown, stderr: NodeJS.WritableStream = process.stderr): number {
  if (error instanceof GwHttpError) {
    const where = error.location === null ? '' : `${formatLocation(error.location)}: `;
    stderr.write(`gwhttp: ${where}${error.message}\n`);
    if (error.hint) stderr.write(`  hint: ${error.hint}\n`);
    return error.code === 'usage' || error.code === 'parse' || error.code === 'file' ? exitUsage : exitFailed;
  }
  const message = error instanceof Error ? error.message : String(error);
  stderr.write(`gwhttp: ${message.split('\n')[0]}\n`);
  return exitFailed;
}
