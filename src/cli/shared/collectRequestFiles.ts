import * as fs from 'node:fs';
import * as path from 'node:path';

import { usageError } from './cliError';

/** Folders never searched for request files. */
const skippedFolders = new Set(['node_modules', '.git', '.vscode-test', 'dist', 'out']);

/**
 * The files to check, in the order given: a file as it is (whatever its extension), a folder as
 * every `*.gwhttp` below it (sorted; `node_modules`, `.git` and build folders skipped). A path that
 * does not exist is a usage error naming it.
 */
export function collectRequestFiles(paths: readonly string[], cwd: string): string[] {
  const files: string[] = [];
  for (const given of paths) {
    const absolute = path.resolve(cwd, given);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(absolute);
    } catch {
      throw usageError(
        `Cannot read ${given}: no such file or folder.`,
        'Give .gwhttp files or folders that hold them.',
      );
    }
    if (!stat.isDirectory()) files.push(given);
    else files.push(...requestFilesBelow(absolute).map((file) => path.join(given, path.relative(absolute, file))));
  }
  return files;
}

function requestFilesBelow(folder: string): string[] {
  const found: string[] = [];
  for (const entry of fs.readdirSync(folder, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) {
      if (!skippedFolders.has(entry.name)) found.push(...requestFilesBelow(full));
    } else if (entry.isFile() && entry.name.endsWith('.gwhttp')) {
      found.push(full);
    }
  }
  return found;
}
