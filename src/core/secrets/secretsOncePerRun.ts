import type { SecretSource } from '../ports';
import { type AwsCredentials, isAwsCredentialSource } from './awsCredentialSource';

/**
 * The same source, asked at most once per key id (and, for AWS credentials, once per profile): the
 * answer of the first lookup (a promise, so concurrent requests of a `--parallel` run share it) is
 * the answer for the rest of the run. A run wraps its sources when it starts (runRequests), so the
 * cache lives exactly as long as the run: the next run (the editor's next Send) asks the sources
 * again and sees a secret stored in the meantime.
 */
export function secretsOncePerRun<T extends SecretSource>(source: T): T {
  const memo = Object.create(source) as T;
  const secrets = new Map<string, Promise<string | undefined>>();
  memo.getSecret = (keyId: string) => {
    let secret = secrets.get(keyId);
    if (secret === undefined) secrets.set(keyId, (secret = source.getSecret(keyId)));
    return secret;
  };
  if (isAwsCredentialSource(source) && isAwsCredentialSource(memo)) {
    const profiles = new Map<string | null, Promise<AwsCredentials | undefined>>();
    memo.awsCredentials = (profile) => {
      let credentials = profiles.get(profile);
      if (credentials === undefined) profiles.set(profile, (credentials = source.awsCredentials(profile)));
      return credentials;
    };
  }
  return memo;
}
