import type { FileReader, SecretSource } from '../ports';
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
 * profiles), then the request file's `.env` (only where workspace files may be read). Built once per
 * run: the sources keep what they read (the AWS shared credentials file, each `.env`) for as long as
 * they live, and the next run builds new ones.
 */
export function secretSourcesFor(context: SecretSourceContext, storage: SecretSource | null = null): SecretSource[] {
  return runSecretSources(storage)(context);
}

/**
 * The secret sources of one run over several request files (`gwhttp send FOLDER`): the environment
 * and AWS sources are built once and shared by the run's files (the AWS shared credentials file is
 * read once per run), each file gets its own `.env` source. Call it once per run.
 */
export function runSecretSources(
  storage: SecretSource | null = null,
): (context: SecretSourceContext) => SecretSource[] {
  const shared = new Map<SecretSourceContext['processEnv'], Map<FileReader, SecretSource[]>>();
  const sharedFor = (context: SecretSourceContext): SecretSource[] => {
    let byReader = shared.get(context.processEnv);
    if (!byReader) shared.set(context.processEnv, (byReader = new Map()));
    let sources = byReader.get(context.fileReader);
    if (!sources) {
      sources = [
        environmentSecretSource(context.processEnv),
        awsCredentialSource(context.processEnv, context.fileReader),
      ];
      byReader.set(context.fileReader, sources);
    }
    return sources;
  };
  return (context) => {
    const sources: SecretSource[] = storage === null ? [] : [storage];
    sources.push(...sharedFor(context));
    if (context.mayReadWorkspaceFiles) {
      sources.push(dotenvSecretSource(context.requestFile, context.searchRoot, context.fileReader));
    }
    return sources;
  };
}
