/** Where an environment key is defined: an env file and line, or the `gwhttp.environments` setting. */
export interface EnvironmentKeyLocation {
  /** Absolute path of the env file, or null for the `gwhttp.environments` setting. */
  file: string | null;
  /** 1-based line of the key in `file`, or null. */
  line: number | null;
}

/** Environments merged from the setting and the env files (see loadEnvironments). */
export interface LoadedEnvironments {
  /** Selectable environment names (without `$shared`), in order of first appearance. */
  names: string[];
  /** Merged values by environment, including `$shared`. Values are raw (`{{…}}` unresolved). */
  environments: Record<string, Record<string, string>>;
  /** Where each merged value came from (the last source that set it), by environment then key. */
  locations: Record<string, Record<string, EnvironmentKeyLocation>>;
  /** Env files read, lowest precedence first. */
  files: string[];
}

export const sharedEnvironmentName = '$shared';

/**
 * Environment key that sets the default signing, written like a `# @sign` value:
 * `"$sign": "tencent-keypair id=AKID… algorithm=hmac-sha256"`. It may be set in `$shared` too.
 */
export const defaultSigningKey = '$sign';

export function emptyEnvironments(): LoadedEnvironments {
  return { names: [], environments: {}, locations: {}, files: [] };
}
