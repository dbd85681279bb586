import { type LoadedEnvironments, sharedEnvironmentName } from './loadedEnvironments';

/** Every environment counts (`gwhttp check` without `--env`: a name some environment defines is not unresolved). */
export const anyEnvironment = Symbol('any environment');

/**
 * The names a `{{…}}` may refer to besides the file's own variables: `$shared`, the selected
 * environment (or every one, with `anyEnvironment`), the `.env` values and `--var` overrides.
 * Keys starting with `$` are settings (`$sign`), not variables.
 */
export function knownVariableNames(
  environments: LoadedEnvironments['environments'],
  dotenvValues: Record<string, string> | null,
  selected: string | null | typeof anyEnvironment,
  overrides: Record<string, string> = {},
): Set<string> {
  const names = new Set<string>([...Object.keys(dotenvValues ?? {}), ...Object.keys(overrides)]);
  const sources =
    selected === anyEnvironment
      ? Object.keys(environments)
      : [sharedEnvironmentName, ...(selected === null ? [] : [selected])];
  for (const source of sources) {
    for (const key of Object.keys(environments[source] ?? {})) if (!key.startsWith('$')) names.add(key);
  }
  return names;
}
