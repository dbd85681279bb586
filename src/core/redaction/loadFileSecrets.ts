import { loadContextDotenv, loadContextEnvironments } from '../variables/prepareRequest';
import type { VariableContext } from '../variables/variableContext';
import { loadedFileSecrets } from './secretValues';

/**
 * The secrets of the environment files and `.env` a request file uses (see `loadedFileSecrets`),
 * read unless the context already holds them. Bad JSON throws as it would when the request is prepared.
 */
export async function loadFileSecrets(variables: Omit<VariableContext, 'chain'>): Promise<string[]> {
  const context = { ...variables, chain: new Map() };
  const environments = variables.environments ?? (await loadContextEnvironments(context));
  const dotenv = variables.dotenv !== undefined ? variables.dotenv : await loadContextDotenv(context);
  return loadedFileSecrets({ environments, dotenv });
}
