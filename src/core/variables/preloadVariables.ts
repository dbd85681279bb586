import { chooseContextEnvironment, chosenName } from './chooseEnvironment';
import { sharedEnvironmentName } from './loadedEnvironments';
import { loadContextDotenv, loadContextEnvironments } from './prepareRequest';
import type { VariableContext } from './variableContext';

/**
 * The one environment preload of Send, Preview Signature, Copy as cURL and `gwhttp sign`: env files
 * and `.env` read once (not once per request) and the environment the file uses chosen by the rule
 * of chooseEnvironment. Variables already preloaded are returned as they are; a `--env` the file
 * does not define is kept, for prepareRequest to refuse with its message.
 */
export async function preloadVariables<T extends Omit<VariableContext, 'chain'>>(variables: T): Promise<T> {
  // Already preloaded (once per run, then once per request by prepareAndSign): nothing to do.
  if (variables.environments !== undefined && variables.dotenv !== undefined) return variables;
  const probe = { ...variables, chain: new Map() };
  const environments = variables.environments ?? (await loadContextEnvironments(probe));
  const dotenv = variables.dotenv !== undefined ? variables.dotenv : await loadContextDotenv(probe);
  const choice = chooseContextEnvironment(environments, variables);
  const environmentName = choice.kind === 'undefined' ? choice.name : chosenName(choice);
  return { ...variables, environments, dotenv, environmentName };
}

/** The selected environment's values over `$shared` (where a `{{name}}` may lead to a chained request). */
export function selectedEnvironmentValues(variables: Omit<VariableContext, 'chain'>): Record<string, string> {
  const { environments, environmentName } = variables;
  const all = environments?.environments ?? {};
  return { ...all[sharedEnvironmentName], ...(environmentName === null ? {} : all[environmentName]) };
}
