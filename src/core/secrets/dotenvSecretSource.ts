import * as path from 'node:path';

import type { parse } from 'dotenv';

import type { FileReader, SecretSource } from '../ports';
import { searchFolders } from '../variables/findFileUpward';
import { secretEnvVarName } from './secretEnvVarName';

/**
 * Secrets from `GWHTTP_SECRET_<KEYID>=…` lines of a `.env` file beside the request file or in a parent
 * folder up to `searchRoot` (nearest file that defines the name wins). Files are read on each lookup.
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
  return {
    description: `.env file (${where})`,
    async getSecret(keyId) {
      const name = secretEnvVarName(keyId);
      for (const folder of folders) {
        const file = path.join(folder, '.env');
        if (!(await fileReader.exists(file))) continue;
        // dotenv is loaded only when a .env file exists (it costs start-up time otherwise).
        const value = (require('dotenv') as { parse: typeof parse }).parse(
          Buffer.from(await fileReader.readFile(file)),
        )[name];
        if (value !== undefined) return value;
      }
      return undefined;
    },
  };
}
