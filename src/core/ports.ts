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
