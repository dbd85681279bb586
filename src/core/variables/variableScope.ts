import { oauth2ConfigNames } from '../oauth2/oauth2Config';
import { chosenName, type EnvironmentChoice } from './chooseEnvironment';
import { knownVariableNames } from './knownVariableNames';
import type { LoadedEnvironments } from './loadedEnvironments';

/**
 * What the variable checks of a file go by, the same in the editor and `gwhttp check`: the names
 * defined for it (file variables aside) and, when no environment applies although the file has
 * several, the environments that would define the rest (an information diagnostic, not an error).
 */
export interface VariableScope {
  choice: EnvironmentChoice;
  knownNames: Set<string>;
  /** Set when no environment applies but the file's env files define some: names by the environments defining them. */
  unselected: { available: readonly string[]; ignored: string | null; definedIn: ReadonlyMap<string, string[]> } | null;
}

export function variableScope(
  environments: LoadedEnvironments,
  dotenvValues: Record<string, string> | null,
  choice: EnvironmentChoice,
  overrides: Record<string, string> = {},
): VariableScope {
  const knownNames = knownVariableNames(environments.environments, dotenvValues, chosenName(choice), overrides);
  if (choice.kind !== 'none' || choice.available.length === 0) return { choice, knownNames, unselected: null };
  const definedIn = new Map<string, string[]>();
  for (const name of choice.available) {
    const values = environments.environments[name] ?? {};
    for (const key of [...Object.keys(values).filter((key) => !key.startsWith('$')), ...oauth2ConfigNames(values)]) {
      definedIn.set(key, [...(definedIn.get(key) ?? []), name]);
    }
  }
  return { choice, knownNames, unselected: { available: choice.available, ignored: choice.ignored, definedIn } };
}
