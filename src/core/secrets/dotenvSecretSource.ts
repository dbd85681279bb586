import * as path from 'node:path';

import type { parse } from 'dotenv';

import type { FileReader, SecretSource } from '../ports';
import { searchFolders } from '../variables/findFileUpward';
import { secretEnvVarName } from './secretEnvVarName';

/**
 * Secrets from `GWHTTP_SECRET_<KEYID>=…` lines of a `.env` file beside the request file or in a parent
 * folder up to `searchRoot` (nearest file that defines the name wins). Each file is read once, on the first
 * lookup that needs it, by each source (secretSourcesFor builds one per run).
 */
export function dotenvSecretSource(
  requestFile: string | null,
  searchRoot: string | null,
  fileReader: FileReader,
): SecretSource {
  const folders = requestFile === null ? [] : searchFolders(requestFile, searchRoot);
  const where =
    requestFile === null
      ? 'no request file'
      : `${path.dirname(path.resolve(requestFile))}${folders.length > 1 ? ` or a parent folder up to ${folders[folders.length - 1]}` : ''}`;
  // Each folder's `.env`, read and parsed on first use and kept by this source (one per run).
  const parsed = new Map<string, Promise<Record<string, string> | null>>();
  const dotenvOf = (folder: string): Promise<Record<string, string> | null> => {
    let values = parsed.get(folder);
    if (values === undefined) parsed.set(folder, (values = readDotenv(path.join(folder, '.env'), fileReader)));
    return values;
  };
  return {
    description: `.env file (${where})`,
    async getSecret(keyId) {
      const name = secretEnvVarName(keyId);
      for (const folder of folders) {
        const value = (await dotenvOf(folder))?.[name];
        if (value !== undefined) return value;
      }
      return undefined;
    },
  };
}

async function readDotenv(file: string, fileReader: FileReader): Promise<Record<string, string> | null> {
  if (!(await fileReader.exists(file))) return null;
  // dotenv is loaded only when a .env file exists (it costs start-up time otherwise).
  return (require('dotenv') as { parse: typeof parse }).parse(Buffer.from(await fileReader.readFile(file)));
}
