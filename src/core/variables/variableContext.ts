import type { OAuth2Session } from '../oauth2/oauth2Session';
import type { Clock, FileReader, Prompter } from '../ports';
import type { LoadedDotenv } from './loadDotenv';
import type { LoadedEnvironments } from './loadedEnvironments';

/** A request that was already sent in this run, for `{{name.response…}}` / `{{name.request…}}`. */
export interface ChainedExchange {
  request: { headers: { name: string; value: string }[]; body: string | null; url: string; method: string };
  response: { status: number; headers: { name: string; value: string }[]; body: string };
}

/** Everything variable resolution may consult. The adapter (CLI or extension) builds it. */
export interface VariableContext {
  /** Absolute path of the `.gwhttp` file, or null for an unsaved document. */
  requestFile: string | null;
  /** Folder where the upward search for env files and `.env` stops (workspace or repository root). */
  searchRoot: string | null;
  /** Selected environment name, or null (then the file's only environment, if it has exactly one). */
  environmentName: string | null;
  /**
   * True for the editor's workspace-wide selection: a file whose env files do not define
   * `environmentName` uses none (or its only one) instead of failing, as the CLI's `--env` does.
   * See chooseEnvironment.
   */
  environmentIsPreference?: boolean;
  /** `--var name=value` (CLI) or equivalent; highest precedence after chaining. */
  overrides: Record<string, string>;
  /** Environments from the `gwhttp.environments` setting (extension), same shape as gwhttp.env.json. */
  settingsEnvironments: Record<string, Record<string, unknown>>;
  /** Results of named requests already sent, by `# @name`. */
  chain: ReadonlyMap<string, ChainedExchange>;
  processEnv: Record<string, string | undefined>;
  clock: Clock;
  fileReader: FileReader;
  /** Whether workspace files (.env, env files) may be read (VS Code workspace trust). */
  mayReadWorkspaceFiles: boolean;
  /**
   * Optional: environments already loaded with `loadEnvironments` (e.g. once per run or per editor
   * refresh). When absent, `prepareRequest` loads them (env files only if mayReadWorkspaceFiles).
   */
  environments?: LoadedEnvironments;
  /** Optional: `.env` already loaded with `loadDotenv` (null = none). When absent, prepareRequest loads it. */
  dotenv?: LoadedDotenv | null;
  /**
   * Asks for `# @prompt`, `{{$input}}`, `{{$password}}` and `{{$pick}}` values (an input box, the
   * terminal). Absent: a prompt without a `--var` answer fails, naming the `--var` to pass.
   */
  prompter?: Prompter;
  /**
   * The OAuth2 token cache of the run (CLI) or window (editor) for `{{$oauth2 NAME}}` and
   * `# @auth oauth2 NAME`; absent: a request that uses one fails with a hint.
   */
  oauth2?: OAuth2Session;
}
