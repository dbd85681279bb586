import { parse } from 'ini';

import type { FileReader, SecretSource } from '../ports';

/** Credentials as AWS tools keep them (environment variables or a shared-credentials profile). */
export interface AwsCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string | null;
}

/** A secret source that also hands out whole AWS credentials for `aws-sigv4` without `id=`. */
export interface AwsCredentialSource extends SecretSource {
  awsCredentials(profile: string | null): Promise<AwsCredentials | undefined>;
}

export function isAwsCredentialSource(source: SecretSource): source is AwsCredentialSource {
  return 'awsCredentials' in source;
}

type Env = Readonly<Record<string, string | undefined>>;

function credentialsFile(env: Env): string | null {
  if (env.AWS_SHARED_CREDENTIALS_FILE) return env.AWS_SHARED_CREDENTIALS_FILE;
  const home = env.HOME ?? env.USERPROFILE;
  return home ? `${home.replace(/[\\/]+$/, '')}/.aws/credentials` : null;
}

type Profiles = Record<string, Record<string, string>>;

async function readProfilesFile(path: string | null, files: FileReader): Promise<Profiles> {
  if (path === null || !(await files.exists(path))) return {};
  return parse(Buffer.from(await files.readFile(path)).toString('utf8')) as Profiles;
}

function fromEnv(env: Env): AwsCredentials | undefined {
  const accessKeyId = env.AWS_ACCESS_KEY_ID?.trim();
  const secretAccessKey = env.AWS_SECRET_ACCESS_KEY?.trim();
  if (!accessKeyId || !secretAccessKey) return undefined;
  return { accessKeyId, secretAccessKey, sessionToken: env.AWS_SESSION_TOKEN?.trim() || null };
}

/**
 * AWS credentials from `AWS_ACCESS_KEY_ID` / `AWS_SECRET_ACCESS_KEY` / `AWS_SESSION_TOKEN` and from a
 * named profile of the shared credentials file (`AWS_SHARED_CREDENTIALS_FILE`, else
 * `~/.aws/credentials`; profile `profile=`, else `AWS_PROFILE`, else `default`). As a SecretSource it
 * answers a key id that is the environment's or any profile's access key id. Placed after
 * SecretStorage and `GWHTTP_SECRET_<ID>`. The shared credentials file is read once, when first needed, by
 * each source (one per run).
 */
export function awsCredentialSource(env: Env, files: FileReader): AwsCredentialSource {
  // Read on first use and kept by this source: a source is built per run (secretSourcesFor), so a
  // run reads the file once and the next run reads it again.
  let profiles: Promise<Profiles> | null = null;
  const readProfiles = (): Promise<Profiles> => (profiles ??= readProfilesFile(credentialsFile(env), files));
  const fromProfile = (profile: Record<string, string> | undefined): AwsCredentials | undefined => {
    const accessKeyId = profile?.aws_access_key_id?.trim();
    const secretAccessKey = profile?.aws_secret_access_key?.trim();
    if (!accessKeyId || !secretAccessKey) return undefined;
    return { accessKeyId, secretAccessKey, sessionToken: profile?.aws_session_token?.trim() || null };
  };
  return {
    description: 'AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY and the AWS shared credentials file',
    async getSecret(keyId) {
      const environment = fromEnv(env);
      if (environment?.accessKeyId === keyId) return environment.secretAccessKey;
      const profiles = Object.values(await readProfiles()).map(fromProfile);
      return profiles.find((credentials) => credentials?.accessKeyId === keyId)?.secretAccessKey;
    },
    async awsCredentials(profile) {
      if (profile === null) {
        const environment = fromEnv(env);
        if (environment) return environment;
      }
      return fromProfile((await readProfiles())[profile ?? env.AWS_PROFILE ?? 'default']);
    },
  };
}
