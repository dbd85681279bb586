import type { SecretSource } from '../ports';
import { secretEnvVarName } from './secretEnvVarName';

/** Secrets from environment variables named `GWHTTP_SECRET_<KEYID>` (see secretEnvVarName). */
export function environmentSecretSource(env: Readonly<Record<string, string | undefined>>): SecretSource {
  // A run asks for the same few key ids once per request: their variable names are worked out once.
  const names = new Map<string, string>();
  const nameOf = (keyId: string): string => {
    let name = names.get(keyId);
    if (name === undefined) names.set(keyId, (name = secretEnvVarName(keyId)));
    return name;
  };
  return {
    description: 'environment variable GWHTTP_SECRET_<KEYID>',
    getSecret: (keyId) => Promise.resolve(env[nameOf(keyId)]),
  };
}
