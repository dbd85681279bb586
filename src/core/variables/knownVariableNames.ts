import { type LoadedEnvironments, sharedEnvironmentName } from './loadedEnvironments';

/**
 * The names a `{{…}}` may refer to besides the file's own variables: `$shared`, the environment the
 * file uses (see chooseEnvironment), the `.env` values and `--var` overrides. Keys starting with `$`
 * are settings (`$sign`), not variables.
 */
export function knownVariableNames(
  environments: LoadedEnvironments['environments'],
  dotenvValues: Record<string, string> | null,
  selected: string | null,
  overrides: Record<string, string> = {},
): Set<string> {
  const names = new Set<string>([...Object.keys(dotenvValues ?? {}), ...Object.keys(overrides)]);
  for (const source of [sharedEnvironmentName, ...(selected === null ? [] : [selected])]) {
    for (const key of Object.keys(environments[source] ?? {})) if (!key.startsWith('$')) names.add(key);
  }
  return names;
}
