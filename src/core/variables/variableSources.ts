import type { FileVariable, ParsedDocument } from '../model/document';
import type { LoadedDotenv } from './loadDotenv';
import { sharedEnvironmentName, type LoadedEnvironments } from './loadedEnvironments';
import type { SystemVariableEnvironment } from './systemVariables';
import type { ChainedExchange, VariableContext } from './variableContext';

/** Everything a `{{…}}` reference can resolve from, gathered once per request. */
export interface VariableSources {
  requestFile: string | null;
  overrides: Record<string, string>;
  /** File variables by name; the last definition wins. */
  fileVariables: ReadonlyMap<string, FileVariable>;
  environmentName: string | null;
  /** Raw values of the selected environment (empty when none is selected). */
  environment: Record<string, string>;
  shared: Record<string, string>;
  environments: LoadedEnvironments;
  dotenv: LoadedDotenv | null;
  mayReadWorkspaceFiles: boolean;
  chain: ReadonlyMap<string, ChainedExchange>;
  /** `# @name`s of the document's requests (chaining targets). */
  requestNames: ReadonlySet<string>;
  system: SystemVariableEnvironment;
}

export function fileVariableMap(variables: FileVariable[]): Map<string, FileVariable> {
  const map = new Map<string, FileVariable>();
  for (const variable of variables) map.set(variable.name, variable);
  return map;
}

/**
 * The sources for one request. The document's file-variable map and request-name set are built on
 * first use only: most requests never consult them, and building them for every request of a long
 * file made a run quadratic in the number of requests.
 */
export function buildVariableSources(
  document: ParsedDocument,
  context: VariableContext,
  environments: LoadedEnvironments,
  dotenv: LoadedDotenv | null,
): VariableSources {
  const environmentName = context.environmentName;
  let fileVariables: Map<string, FileVariable> | undefined;
  let requestNames: Set<string> | undefined;
  return {
    requestFile: context.requestFile,
    overrides: context.overrides,
    get fileVariables() {
      return (fileVariables ??= fileVariableMap(document.variables));
    },
    environmentName,
    environment: (environmentName !== null ? environments.environments[environmentName] : undefined) ?? {},
    shared: environments.environments[sharedEnvironmentName] ?? {},
    environments,
    dotenv,
    mayReadWorkspaceFiles: context.mayReadWorkspaceFiles,
    chain: context.chain,
    get requestNames() {
      return (requestNames ??= new Set(document.requests.flatMap((request) => (request.name ? [request.name] : []))));
    },
    system: {
      clock: context.clock,
      processEnv: context.processEnv,
      dotenv: dotenv?.values ?? null,
      dotenvDescription: dotenvDescription(dotenv, context.mayReadWorkspaceFiles),
    },
  };
}

export function dotenvDescription(dotenv: LoadedDotenv | null, mayReadWorkspaceFiles: boolean): string {
  if (!mayReadWorkspaceFiles) return '.env (not read: the workspace is not trusted)';
  return dotenv ? `.env (${dotenv.file})` : '.env (none found)';
}
