import type { FileVariable, ParsedDocument } from '../model/document';
import type { LoadedDotenv } from './loadDotenv';
import { type LoadedEnvironments, sharedEnvironmentName } from './loadedEnvironments';
import type { PromptAnswers } from './promptAnswers';
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
  /** The request's prompt answers so far (absent: none, e.g. for display). */
  prompted?: PromptAnswers;
}

export function fileVariableMap(variables: FileVariable[]): Map<string, FileVariable> {
  const map = new Map<string, FileVariable>();
  for (const variable of variables) map.set(variable.name, variable);
  return map;
}

/**
 * The sources for one request. The document's file-variable map and request-name set are built on
 * first use only: most requests never consult them, and building them for every request of a long
 * file made a run quadratic in the number of requests. (A class, so the lazy fields are prototype
 * getters rather than accessors defined on every request's object literal.)
 */
export function buildVariableSources(
  document: ParsedDocument,
  context: VariableContext,
  environments: LoadedEnvironments,
  dotenv: LoadedDotenv | null,
  prompted?: PromptAnswers,
  oauth2Tokens?: ReadonlyMap<string, string>,
): VariableSources {
  return new RequestVariableSources(document, context, environments, dotenv, prompted, oauth2Tokens);
}

class RequestVariableSources implements VariableSources {
  readonly requestFile: string | null;
  readonly overrides: Record<string, string>;
  readonly environmentName: string | null;
  readonly environment: Record<string, string>;
  readonly shared: Record<string, string>;
  readonly mayReadWorkspaceFiles: boolean;
  readonly chain: ReadonlyMap<string, ChainedExchange>;
  readonly system: SystemVariableEnvironment;
  private fileVariableCache: Map<string, FileVariable> | null = null;
  private requestNameCache: Set<string> | null = null;

  constructor(
    private readonly document: ParsedDocument,
    context: VariableContext,
    readonly environments: LoadedEnvironments,
    readonly dotenv: LoadedDotenv | null,
    readonly prompted?: PromptAnswers,
    oauth2Tokens?: ReadonlyMap<string, string>,
  ) {
    const environmentName = context.environmentName;
    this.requestFile = context.requestFile;
    this.overrides = context.overrides;
    this.environmentName = environmentName;
    this.environment = (environmentName !== null ? environments.environments[environmentName] : undefined) ?? {};
    this.shared = environments.environments[sharedEnvironmentName] ?? {};
    this.mayReadWorkspaceFiles = context.mayReadWorkspaceFiles;
    this.chain = context.chain;
    this.system = {
      clock: context.clock,
      processEnv: context.processEnv,
      dotenv: dotenv?.values ?? null,
      dotenvDescription: dotenvDescription(dotenv, context.mayReadWorkspaceFiles),
      oauth2Tokens,
    };
  }

  get fileVariables(): ReadonlyMap<string, FileVariable> {
    return (this.fileVariableCache ??= fileVariableMap(this.document.variables));
  }

  get requestNames(): ReadonlySet<string> {
    return (this.requestNameCache ??= new Set(
      this.document.requests.flatMap((request) => (request.name ? [request.name] : [])),
    ));
  }
}

export function dotenvDescription(dotenv: LoadedDotenv | null, mayReadWorkspaceFiles: boolean): string {
  if (!mayReadWorkspaceFiles) return '.env (not read: the workspace is not trusted)';
  return dotenv ? `.env (${dotenv.file})` : '.env (none found)';
}
