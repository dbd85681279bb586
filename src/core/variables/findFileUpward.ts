import * as path from 'node:path';

import type { FileReader } from '../ports';

/**
 * The folders searched for env files and `.env`: the request file's folder, then each parent up to and
 * including `searchRoot`. When there is no request file, only `searchRoot`; when `searchRoot` is null
 * or not an ancestor of the request file, only the request file's folder.
 */
export function searchFolders(requestFile: string | null, searchRoot: string | null): string[] {
  if (requestFile === null) return searchRoot === null ? [] : [path.resolve(searchRoot)];
  let folder = path.dirname(path.resolve(requestFile));
  if (searchRoot === null) return [folder];
  const root = path.resolve(searchRoot);
  const relative = path.relative(root, folder);
  if (relative.startsWith('..') || path.isAbsolute(relative)) return [folder];
  const folders = [folder];
  while (folder !== root) {
    const parent = path.dirname(folder);
    if (parent === folder) break;
    folder = parent;
    folders.push(folder);
  }
  return folders;
}

/** The nearest existing file called `fileName` in `folders` (searched in order), or null. */
export async function findFileUpward(
  folders: string[],
  fileName: string,
  fileReader: FileReader,
): Promise<string | null> {
  for (const folder of folders) {
    const candidate = path.join(folder, fileName);
    if (await fileReader.exists(candidate)) return candidate;
  }
  return null;
}
