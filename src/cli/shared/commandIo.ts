import { isatty } from 'node:tty';

import { type Clock, type OAuth2Interaction, type Prompter, systemClock } from '../../core';
import { terminalPrompter } from './terminalPrompter';

/** What a command touches outside itself; tests pass their own. */
export interface CommandIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  env: Record<string, string | undefined>;
  cwd: string;
  clock: Clock;
  /** Aborts the command's work (the CLI wires SIGINT to it where a command sends). */
  signal?: AbortSignal;
  /**
   * Asks for prompts (`# @prompt`, `{{$input}}` …): the terminal when stdin is one. Absent: a prompt
   * without a `--var` answer fails, naming the `--var` to pass.
   */
  prompter?: Prompter;
  /** How the interactive OAuth2 grants reach the user (tests play the browser); default: stderr. */
  oauth2Interaction?: OAuth2Interaction;
}

/** The process's own streams, environment, folder and clock; the terminal prompter when stdin is a TTY. */
export function processCommandIo(): CommandIo {
  const io: CommandIo = {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    cwd: process.cwd(),
    clock: systemClock,
  };
  // isatty(0), not process.stdin.isTTY: reading process.stdin would open the stream on every run.
  if (isatty(0)) io.prompter = terminalPrompter(() => ({ input: process.stdin, output: process.stderr }));
  return io;
}
