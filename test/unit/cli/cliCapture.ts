/** Test helper: runs `gwhttp send` / `gwhttp sign` in-process in a folder, capturing both outputs. */
import { Writable } from 'node:stream';

import { runSend } from '../../../src/cli/commands/sendCommand';
import { runSign } from '../../../src/cli/commands/signCommand';
import { systemClock } from '../../../src/core/ports';

class Capture extends Writable {
  text = '';
  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: () => void): void {
    this.text += chunk.toString();
    callback();
  }
}

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

async function run(command: typeof runSend, dir: string, args: string[], env: Record<string, string>): Promise<CliRun> {
  const stdout = new Capture();
  const stderr = new Capture();
  const code = await command(args, { stdout, stderr, env, cwd: dir, clock: systemClock });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

export const cliSend = (dir: string, args: string[], env: Record<string, string> = {}) => run(runSend, dir, args, env);

export const cliSign = (dir: string, args: string[], env: Record<string, string> = {}) => run(runSign, dir, args, env);
