import type { LoadedEnvironments } from './loadedEnvironments';
import type { VariableContext } from './variableContext';

/**
 * Which environment a request file uses, decided by one rule for the editor and the CLI:
 * - the selected environment, when the file's env files (or the setting) define it;
 * - else the file's only environment, when they define exactly one (picked automatically);
 * - else none: a `--env` the file does not define is an error (`undefined`), while the editor's
 *   workspace-wide choice is a preference that simply does not apply to this file (`ignored`).
 */
export type EnvironmentChoice =
  | { kind: 'selected'; name: string }
  | { kind: 'only'; name: string; ignored: string | null }
  | { kind: 'none'; available: readonly string[]; ignored: string | null }
  | { kind: 'undefined'; name: string; available: readonly string[] };

export function chooseEnvironment(
  available: readonly string[],
  selected: string | null,
  isPreference: boolean,
): EnvironmentChoice {
  if (selected !== null && available.includes(selected)) return { kind: 'selected', name: selected };
  if (selected !== null && !isPreference) return { kind: 'undefined', name: selected, available };
  if (available.length === 1) return { kind: 'only', name: available[0], ignored: selected };
  return { kind: 'none', available, ignored: selected };
}

/** The choice for a variable context (its `environmentName` and whether it is the editor's preference). */
export function chooseContextEnvironment(
  environments: LoadedEnvironments,
  context: Pick<VariableContext, 'environmentName' | 'environmentIsPreference'>,
): EnvironmentChoice {
  return chooseEnvironment(environments.names, context.environmentName, context.environmentIsPreference ?? false);
}

/** The environment used, or null (none; or, for `undefined`, the name asked for, which then fails). */
export function chosenName(choice: EnvironmentChoice): string | null {
  return choice.kind === 'none' ? null : choice.name;
}

/** `local`, `local (the only one)`, `none (3 available)`, `none (local is not defined for this file)`. */
export function describeChoice(choice: EnvironmentChoice): string {
  switch (choice.kind) {
    case 'selected':
      return choice.name;
    case 'only':
      return choice.ignored === null
        ? `${choice.name} (the only one)`
        : `${choice.name} (the only one here; ${choice.ignored} is not defined for this file)`;
    case 'none':
      if (choice.ignored !== null) return `none (${choice.ignored} is not defined for this file)`;
      return choice.available.length === 0 ? 'none' : `none selected (${choice.available.length} available)`;
    case 'undefined':
      return `${choice.name} (not defined for this file)`;
  }
}
