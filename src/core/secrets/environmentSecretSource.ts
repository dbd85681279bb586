import type { SecretSource } from '../ports';
import { secretEnvVarName } from './secretEnvVarName';

/** Secrets from environment variables named `GWHTTP_SECRET_<KEYID>` (see secretEnvVarName). */
export function environmentSecretSource(env: Readonly<Record<string, string | undefined>>): SecretSource {
  return {
    description: 'environment variable GWHTTP_SECRET_<KEYID>',
    getSecret: (keyId) => Promise.resolve(env[secretEnvVarName(keyId)]),
  };
}
