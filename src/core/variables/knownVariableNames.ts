import { oauth2ConfigNames } from '../oauth2/oauth2Config';
import { type LoadedEnvironments, sharedEnvironmentName } from './loadedEnvironments';

/**
 * The names a `{{…}}` may refer to besides the file's own variables: `$shared`, the environment the
 * file uses (see chooseEnvironment), the `.env` values and `--var` overrides. Keys starting with `$`
 * are settings (`$sign`), not variables; each OAuth2 configuration adds `$oauth2 NAME`.
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
    for (const name of oauth2ConfigNames(environments[source] ?? {})) names.add(name);
  }
  return names;
}
