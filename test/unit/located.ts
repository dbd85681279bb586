/** Test helper: an error's text as the CLI prints it — its location (when it has one), then its message. */
import { formatLocation, isGwHttpError } from '../../src/core/errors';
import type { RunError } from '../../src/core/run/runTypes';

export function located(error: unknown): string {
  if (isGwHttpError(error)) return `${error.location ? `${formatLocation(error.location)}: ` : ''}${error.message}`;
  const run = error as RunError | null | undefined;
  if (run && typeof run === 'object' && 'location' in run) return `${formatLocation(run.location)}: ${run.message}`;
  return String(error);
}
