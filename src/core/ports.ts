/**
 * Ports: everything non-deterministic or environment-specific that the core needs is passed in
 * through one of these interfaces. The core never reads the clock, settings or the editor itself.
 */

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** Looks up a secret key by key id. Returns undefined when this source does not know the key. */
export interface SecretSource {
  /** Human description of where this source looks, used in "missing secret" messages. */
  readonly description: string;
  getSecret(keyId: string): Promise<string | undefined>;
}

/** Reads files relative to the request file (for `< path` bodies, `.env`, environment files). */
export interface FileReader {
  readFile(path: string): Promise<Uint8Array>;
  exists(path: string): Promise<boolean>;
}

export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** What a prompt asks for, and what its answer is remembered by. */
export interface PromptQuestion {
  /**
   * The name the answer is for: a `# @prompt` name, the variable whose value the `{{$input …}}` is,
   * else the prompt's label. `--var NAME=value` answers it; front ends remember answers per file and name.
   */
  name: string;
  /** What to show the user (the description or label; the name when there is none). */
  description: string;
  /** The absolute path of the request file, or null for an unsaved one. */
  file: string | null;
  /** The line that asks (a `# @prompt` line or the line of the `{{$input …}}`). */
  line: number;
}

/** A free-text question; `masked` for `$password` and names that look secret (typed without echo). */
export interface InputQuestion extends PromptQuestion {
  masked: boolean;
  /** Offered as the answer (`{{$input Label $value: default}}`). */
  defaultValue?: string;
}

/** A choice among fixed options (`{{$pick a|b|c}}`, `{{$pick Label $value: a,b,c}}`). */
export interface PickQuestion extends PromptQuestion {
  options: string[];
}

/**
 * Asks the user for values at send time (`# @prompt`, `{{$input}}`, `{{$password}}`, `{{$pick}}`): an
 * input box in the editor, the terminal in the CLI. Resolves with the answer, or undefined when the
 * user cancels (nothing is sent then).
 */
export interface Prompter {
  input(question: InputQuestion): Promise<string | undefined>;
  pick(question: PickQuestion): Promise<string | undefined>;
}
