import type { ParsedDocument } from '../model/document';
import type { Clock } from '../ports';
import { findVariableReferences } from './findVariableReferences';
import type { LoadedDotenv } from './loadDotenv';
import { type LoadedEnvironments, sharedEnvironmentName } from './loadedEnvironments';
import { isSecretName, maskedValue, maskIfSecret } from './secretMask';
import { substituteVariables } from './substituteVariables';
import { fileVariableMap, type VariableSources } from './variableSources';

export type VariableSourceKind = 'file' | 'environment' | 'shared' | 'dotenv';

/** A variable as the editor shows it (completion, hover, go to definition). */
export interface VariableDescription {
  name: string;
  /** The value as written (`{{…}}` kept), masked when it looks secret. */
  value: string;
  /** The value with references resolved (masked when secret), or null when it cannot be resolved here. */
  resolvedValue: string | null;
  isSecret: boolean;
  source: VariableSourceKind;
  /** Environment name for `environment` / `shared`. */
  environment: string | null;
  /** File (null: the document itself for file variables, or the gwhttp.environments setting) and 1-based line. */
  definedAt: { file: string | null; line: number | null; key: string };
  /** True when a higher-precedence source defines the same name (this one is not used). */
  isOverridden: boolean;
}

export interface DescribeOptions {
  dotenv?: LoadedDotenv | null;
  /** Absolute path of the document, copied into file variables' `definedAt.file`. */
  requestFile?: string | null;
  /** When given, system variables inside values resolve too; otherwise such values get resolvedValue null. */
  clock?: Clock;
  processEnv?: Record<string, string | undefined>;
}

/**
 * Every variable a document can use, highest precedence first: file variables, the selected
 * environment, `$shared`, `.env`. Keys starting with `$` (such as `$sign`) are settings, not variables.
 */
export function describeVariables(
  document: ParsedDocument,
  environments: LoadedEnvironments,
  environmentName: string | null,
  options: DescribeOptions = {},
): VariableDescription[] {
  const described: VariableDescription[] = [];
  const seen = new Set<string>();
  const add = (entry: Omit<VariableDescription, 'isOverridden' | 'isSecret' | 'resolvedValue'>): void => {
    if (entry.name.startsWith('$')) return;
    const resolved = resolveForDisplay(entry.value, document, environments, environmentName, options);
    const { value, resolvedValue, isSecret } = displayedValues(entry, resolved);
    described.push({
      ...entry,
      value,
      isSecret,
      resolvedValue,
      isOverridden: seen.has(entry.name),
    });
    seen.add(entry.name);
  };
  for (const variable of fileVariableMap(document.variables).values()) {
    add({
      name: variable.name,
      value: variable.value,
      source: 'file',
      environment: null,
      definedAt: { file: options.requestFile ?? null, line: variable.line, key: variable.name },
    });
  }
  const addEnvironment = (name: string, source: VariableSourceKind): void => {
    const locations = environments.locations[name] ?? {};
    for (const [key, value] of Object.entries(environments.environments[name] ?? {})) {
      const location = locations[key] ?? { file: null, line: null };
      add({ name: key, value, source, environment: name, definedAt: { ...location, key } });
    }
  };
  if (environmentName !== null && environmentName !== sharedEnvironmentName) {
    addEnvironment(environmentName, 'environment');
  }
  addEnvironment(sharedEnvironmentName, 'shared');
  for (const [key, value] of Object.entries(options.dotenv?.values ?? {})) {
    add({
      name: key,
      value,
      source: 'dotenv',
      environment: null,
      definedAt: { file: options.dotenv?.file ?? null, line: options.dotenv?.keyLines[key] ?? null, key },
    });
  }
  return described;
}

/**
 * What may be shown of a value. A file variable's value as written is on screen already, so it is not
 * masked (nor is its resolved value when it refers to nothing); a value that looks secret from an
 * env file or `.env`, or resolved from a secret-looking name, is.
 */
function displayedValues(
  entry: { name: string; value: string; source: VariableSourceKind },
  resolved: string | null,
): { value: string; resolvedValue: string | null; isSecret: boolean } {
  const isInFile = entry.source === 'file';
  if (isInFile && (resolved === null || resolved === entry.value)) {
    return { value: entry.value, resolvedValue: resolved, isSecret: false };
  }
  const masked = isInFile ? { value: entry.value, isSecret: false } : maskIfSecret(entry.name, entry.value);
  const isResolvedSecret =
    resolved !== null &&
    (masked.isSecret || maskIfSecret(entry.name, resolved).isSecret || refersToSecretName(entry.value));
  return {
    value: masked.value,
    resolvedValue: isResolvedSecret ? maskedValue : resolved,
    isSecret: masked.isSecret || isResolvedSecret,
  };
}

/** `Bearer {{token}}`: a value built from a variable whose name looks secret. */
function refersToSecretName(value: string): boolean {
  return findVariableReferences(value, 0).some(
    (reference) => reference.kind === 'plain' && isSecretName(reference.name),
  );
}

function resolveForDisplay(
  value: string,
  document: ParsedDocument,
  environments: LoadedEnvironments,
  environmentName: string | null,
  options: DescribeOptions,
): string | null {
  const noClock: Clock = {
    now: () => {
      throw new Error('no clock');
    },
  };
  const sources: VariableSources = {
    requestFile: options.requestFile ?? null,
    overrides: {},
    fileVariables: fileVariableMap(document.variables),
    environmentName,
    environment: (environmentName !== null ? environments.environments[environmentName] : undefined) ?? {},
    shared: environments.environments[sharedEnvironmentName] ?? {},
    environments,
    dotenv: options.dotenv ?? null,
    mayReadWorkspaceFiles: true,
    chain: new Map(),
    requestNames: new Set(),
    system: {
      clock: options.clock ?? noClock,
      processEnv: options.processEnv ?? {},
      dotenv: options.dotenv?.values ?? null,
      dotenvDescription: '.env',
    },
  };
  try {
    return substituteVariables(value, 0, sources);
  } catch {
    return null;
  }
}
