import { type Clock, type OAuth2Interaction, systemClock } from '../../core';

/** What a command touches outside itself; tests pass their own. */
export interface CommandIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  env: Record<string, string | undefined>;
  cwd: string;
  clock: Clock;
  /** Aborts the command's work (the CLI wires SIGINT to it where a command sends). */
  signal?: AbortSignal;
  /** How the interactive OAuth2 grants reach the user (tests play the browser); default: stderr. */
  oauth2Interaction?: OAuth2Interaction;
}

/** The process's own streams, environment, folder and clock. */
export function processCommandIo(): CommandIo {
  return { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd(), clock: systemClock };
}
