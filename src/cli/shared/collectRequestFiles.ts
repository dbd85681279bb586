import * as fs from 'node:fs';
import * as path from 'node:path';

import { isFolderRequestFile } from '../../core';
import { usageError } from './cliError';

/** Folders never searched for request files. */
const skippedFolders = new Set(['node_modules', '.git', '.vscode-test', 'dist', 'out']);

/** What a folder stands for: request files, and with `markdown` also `*.md` files. */
export interface CollectOptions {
  markdown?: boolean;
}

/** The hint of a usage error about request files. */
export const requestFilesHint =
  'Give .gwhttp, .http, .rest or .md files, or folders that hold them (Markdown with --markdown).';

/**
 * The files to check, in the order given: a file as it is (whatever its extension), a folder as
 * every `*.gwhttp`, `*.http` and `*.rest` below it, and `*.md` with `markdown` (sorted; `node_modules`,
 * `.git` and build folders skipped). A path that does not exist is a usage error naming it.
 */
export function collectRequestFiles(paths: readonly string[], cwd: string, options: CollectOptions = {}): string[] {
  const files: string[] = [];
  for (const given of paths) {
    const absolute = path.resolve(cwd, given);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(absolute);
    } catch {
      throw usageError(`Cannot read ${given}: no such file or folder.`, requestFilesHint);
    }
    if (!stat.isDirectory()) {
      files.push(given);
      continue;
    }
    const below = requestFilesBelow(absolute, options.markdown === true);
    files.push(...below.map((file) => path.join(given, path.relative(absolute, file))));
  }
  return files;
}

/** The message of the usage error for paths that hold no request file. */
export function noRequestFilesMessage(paths: readonly string[]): string {
  return `No request files (.gwhttp, .http, .rest) in ${paths.join(', ')}.`;
}

function requestFilesBelow(folder: string, markdown: boolean): string[] {
  const found: string[] = [];
  for (const entry of fs.readdirSync(folder, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) {
      if (!skippedFolders.has(entry.name)) found.push(...requestFilesBelow(full, markdown));
    } else if (entry.isFile() && isFolderRequestFile(entry.name, markdown)) {
      found.push(full);
    }
  }
  return found;
}
