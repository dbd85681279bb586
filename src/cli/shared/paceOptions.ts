import { parseQuotaBudget, type QuotaBudget } from '../../core';
import { usageError } from './cliError';

/** `--parallel`, `--repeat`, `--pace` and `--quota-budget` of `gwhttp send`, checked. */
export interface PaceOptions {
  parallel: number;
  repeat: number;
  pace: boolean;
  budget: QuotaBudget | null;
}

/** A whole number of 1 or more given to `--name`, or the default when not given. */
function count(name: string, value: string | undefined, example: string): number {
  if (value === undefined) return 1;
  if (!/^\d+$/.test(value) || Number(value) < 1) {
    throw usageError(`--${name} needs a whole number of 1 or more, got "${value}".`, example);
  }
  return Number(value);
}

export function readPaceOptions(values: {
  parallel?: string;
  repeat?: string;
  pace?: boolean;
  'quota-budget'?: string;
}): PaceOptions {
  const given = values['quota-budget'];
  const budget = given === undefined ? null : parseQuotaBudget(given);
  if (given !== undefined && budget === null) {
    throw usageError(
      `--quota-budget needs a share like 20% or a count like 150, got "${given}".`,
      "For example --quota-budget 20%: the run stops before a send that would push a key's reported use past 20% of its limit.",
    );
  }
  return {
    parallel: count('parallel', values.parallel, 'For example --parallel 8: up to 8 requests at a time.'),
    repeat: count('repeat', values.repeat, 'For example --repeat 5: each chosen request is sent 5 times.'),
    pace: values.pace ?? false,
    budget,
  };
}
