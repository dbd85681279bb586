import type { RunResult } from '../run/runTypes';

/** `#3`, or `#3 [2/5]` for the second of five sends of a repeated request (`--repeat`, `# @repeat`). */
export function sendNumber(result: Pick<RunResult, 'index' | 'repetition'>): string {
  const { repetition } = result;
  return repetition ? `#${result.index} [${repetition.number}/${repetition.of}]` : `#${result.index}`;
}
