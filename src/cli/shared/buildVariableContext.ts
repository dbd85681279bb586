import * as fs from 'node:fs';
import * as path from 'node:path';

import type { Clock, FileReader, OAuth2Session, Prompter, VariableContext } from '../../core';
import { usageError } from './cliError';

export interface VariableOptions {
  /** Absolute path of the request file. */
  requestFile: string;
  /** `--env NAME`. */
  environmentName: string | undefined;
  /** `--var name=value` (repeatable). */
  vars: readonly string[];
  processEnv: Record<string, string | undefined>;
  clock: Clock;
  fileReader: FileReader;
  cwd: string;
  /** Asks for prompts (the terminal); absent: `--var` must answer them. */
  prompter?: Prompter;
  /** The run's OAuth2 token cache. */
  oauth2?: OAuth2Session;
}

/** `--var name=value` pairs; a later one wins. */
export function parseVarOptions(vars: readonly string[]): Record<string, string> {
  const overrides: Record<string, string> = {};
  for (const entry of vars) {
    const equals = entry.indexOf('=');
    const name = equals > 0 ? entry.slice(0, equals).trim() : '';
    if (name === '') {
      throw usageError(`--var needs name=value, got "${entry}".`, 'For example: --var host=127.0.0.1:8080');
    }
    overrides[name] = entry.slice(equals + 1);
  }
  return overrides;
}

/**
 * Where the upward search for env files and `.env` stops: the repository root (a folder with `.git`)
 * above the request file, else the working folder when the file is inside it, else the file's folder.
 */
export function findSearchRoot(requestFile: string, cwd: string): string {
  let folder = path.dirname(requestFile);
  for (;;) {
    if (fs.existsSync(path.join(folder, '.git'))) return folder;
    const parent = path.dirname(folder);
    if (parent === folder) break;
    folder = parent;
  }
  const relative = path.relative(cwd, requestFile);
  return !relative.startsWith('..') && !path.isAbsolute(relative) ? cwd : path.dirname(requestFile);
}

/** The CLI's VariableContext (the run pipeline adds the chain). */
export function buildVariableContext(options: VariableOptions): Omit<VariableContext, 'chain'> {
  return {
    requestFile: options.requestFile,
    searchRoot: findSearchRoot(options.requestFile, options.cwd),
    environmentName: options.environmentName ?? null,
    overrides: parseVarOptions(options.vars),
    settingsEnvironments: {},
    processEnv: options.processEnv,
    clock: options.clock,
    fileReader: options.fileReader,
    mayReadWorkspaceFiles: true,
    ...(options.prompter ? { prompter: options.prompter } : {}),
    ...(options.oauth2 ? { oauth2: options.oauth2 } : {}),
  };
}
