import type { SecretSource } from '../ports';
import { isAwsCredentialSource } from './awsCredentialSource';

/**
 * The secrets a CLI run may print by accident (an echoing server, a debug endpoint), for its reports
 * to mask: every `GWHTTP_SECRET_*` and AWS secret of the environment, and each secret a source handed
 * out during the run (a `.env` secret, a shared-credentials profile).
 */
export class RunSecrets {
  private readonly known = new Set<string>();

  constructor(env: Readonly<Record<string, string | undefined>>) {
    for (const [name, value] of Object.entries(env)) {
      if (value && (name.startsWith('GWHTTP_SECRET_') || /^AWS_(SECRET_ACCESS_KEY|SESSION_TOKEN)$/.test(name))) {
        this.known.add(value);
      }
    }
  }

  get values(): string[] {
    return [...this.known];
  }

  /** Remembers credentials the run met outside any source (a Basic password written in the request). */
  add(secrets: readonly string[]): void {
    for (const secret of secrets) this.known.add(secret);
  }

  /** The same source, remembering every secret it returns (AWS credential sources keep their own method). */
  watch<T extends SecretSource>(source: T): T {
    const watched = Object.create(source) as T;
    watched.getSecret = async (keyId: string) => {
      const secret = await source.getSecret(keyId);
      if (secret) this.known.add(secret);
      return secret;
    };
    if (isAwsCredentialSource(source) && isAwsCredentialSource(watched)) {
      watched.awsCredentials = async (profile) => {
        const credentials = await source.awsCredentials(profile);
        if (credentials) {
          this.known.add(credentials.secretAccessKey);
          if (credentials.sessionToken) this.known.add(credentials.sessionToken);
        }
        return credentials;
      };
    }
    return watched;
  }
}
