import type { SecretSource } from '../ports';
import type { VariableContext } from '../variables/variableContext';
import { awsCredentialSource } from './awsCredentialSource';
import { dotenvSecretSource } from './dotenvSecretSource';
import { environmentSecretSource } from './environmentSecretSource';

/** What the secret sources of a request file depend on (a part of its variable context). */
export type SecretSourceContext = Pick<
  VariableContext,
  'processEnv' | 'fileReader' | 'requestFile' | 'searchRoot' | 'mayReadWorkspaceFiles'
>;

/**
 * The one list of secret sources, in lookup order, for every front end: the editor's SecretStorage
 * (when given), `GWHTTP_SECRET_<KEYID>`, AWS credentials (environment, then shared-credentials
 * profiles), then the request file's `.env` (only where workspace files may be read).
 */
export function secretSourcesFor(context: SecretSourceContext, storage: SecretSource | null = null): SecretSource[] {
  const sources: SecretSource[] = storage === null ? [] : [storage];
  sources.push(
    environmentSecretSource(context.processEnv),
    awsCredentialSource(context.processEnv, context.fileReader),
  );
  if (context.mayReadWorkspaceFiles) {
    sources.push(dotenvSecretSource(context.requestFile, context.searchRoot, context.fileReader));
  }
  return sources;
}
