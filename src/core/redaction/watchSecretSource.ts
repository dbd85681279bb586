import type { SecretSource } from '../ports';
import { isAwsCredentialSource } from '../secrets/awsCredentialSource';

/** The same source, telling `remember` of every secret it hands out (AWS credential sources keep their own method). */
export function watchSecretSource<T extends SecretSource>(source: T, remember: (secret: string) => void): T {
  const watched = Object.create(source) as T;
  watched.getSecret = async (keyId: string) => {
    const secret = await source.getSecret(keyId);
    if (secret) remember(secret);
    return secret;
  };
  if (isAwsCredentialSource(source) && isAwsCredentialSource(watched)) {
    watched.awsCredentials = async (profile) => {
      const credentials = await source.awsCredentials(profile);
      if (credentials) {
        remember(credentials.secretAccessKey);
        if (credentials.sessionToken) remember(credentials.sessionToken);
      }
      return credentials;
    };
  }
  return watched;
}
