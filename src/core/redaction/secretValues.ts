import type { LoadedDotenv } from '../variables/loadDotenv';
import type { LoadedEnvironments } from '../variables/loadedEnvironments';
import { isSecretName, looksLikeSecretValue } from '../variables/secretMask';

type Env = Readonly<Record<string, string | undefined>>;

const secretVariable = (name: string) =>
  name.startsWith('GWHTTP_SECRET_') || /^AWS_(SECRET_ACCESS_KEY|SESSION_TOKEN)$/.test(name);

/** The secrets a process environment holds: every `GWHTTP_SECRET_*`, the AWS secret key and session token. */
export function processEnvSecrets(env: Env): string[] {
  return Object.entries(env)
    .filter(([name, value]) => value && secretVariable(name))
    .map(([, value]) => value as string);
}

/** The secrets of a `.env`: its `GWHTTP_SECRET_*` and AWS ones, and every value whose name or shape says secret. */
export function dotenvSecrets(dotenv: LoadedDotenv | null): string[] {
  if (dotenv === null) return [];
  return Object.entries(dotenv.values)
    .filter(([name, value]) => secretVariable(name) || isSecretName(name) || looksLikeSecretValue(value))
    .map(([, value]) => value);
}

const privateFile = /(^|[\\/])(gwhttp\.env\.private\.json|http-client\.private\.env\.json)$/;

/**
 * The secrets of the environments: every value of a private environment file (that is what it is
 * for), and every value of the others whose name says secret (`secretKey`, `password`, `token`).
 * Values that still hold `{{…}}` are left: what they resolve to is masked where it comes from.
 */
export function environmentSecrets(loaded: LoadedEnvironments): string[] {
  const secrets: string[] = [];
  for (const [environment, values] of Object.entries(loaded.environments)) {
    for (const [key, value] of Object.entries(values)) {
      const file = loaded.locations[environment]?.[key]?.file ?? null;
      const secret = (file !== null && privateFile.test(file)) || isSecretName(key);
      if (secret && !value.includes('{{')) secrets.push(value);
    }
  }
  return secrets;
}

/** The secrets of the environment files and `.env` a variable context has loaded (none when not loaded yet). */
export function loadedFileSecrets(variables: {
  environments?: LoadedEnvironments;
  dotenv?: LoadedDotenv | null;
}): string[] {
  return [
    ...(variables.environments ? environmentSecrets(variables.environments) : []),
    ...dotenvSecrets(variables.dotenv ?? null),
  ];
}
