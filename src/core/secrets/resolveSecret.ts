import { GwHttpError, type SourceLocation } from '../errors';
import type { SecretSource } from '../ports';
import { secretEnvVarName } from './secretEnvVarName';

/** The VS Code command that stores a secret in SecretStorage (contributed by the extension). */
export const storeSecretCommandTitle = 'GW HTTP: Store Secret Key';

/** Every way to provide the secret for `keyId`, for messages and hints. */
export function secretProvisionHint(keyId: string): string {
  const name = secretEnvVarName(keyId);
  return (
    `Provide it in one of these ways: in VS Code run "${storeSecretCommandTitle}" and enter the key for ${keyId}; ` +
    `or set the environment variable ${name}; or add the line ${name}=YOUR_SECRET_KEY to a .env file beside the request file or in a parent folder (keep .env out of version control).`
  );
}

/**
 * The secret for `keyId` from the first source that knows it, trimmed of accidental whitespace and
 * line breaks (E19; used as UTF-8 bytes, never Base64-decoded). Throws GwHttpError('missingSecret')
 * naming the key id, the sources consulted and every way to provide it; the secret is never in it.
 */
export async function resolveSecret(
  keyId: string,
  sources: readonly SecretSource[],
  location?: SourceLocation,
): Promise<string> {
  for (const source of sources) {
    const value = (await source.getSecret(keyId))?.trim();
    if (value !== undefined && value !== '') return value;
  }
  const looked = sources.map((source) => source.description).join('; ') || 'no secret sources';
  return Promise.reject(
    new GwHttpError(
      'missingSecret',
      `no secret key for key id "${keyId}" (looked in: ${looked}); nothing was sent.`,
      location ?? null,
      { hint: secretProvisionHint(keyId), keyId },
    ),
  );
}
