import type { parse } from 'dotenv';

import type { FileReader } from '../ports';
import { findFileUpward, searchFolders } from './findFileUpward';

export interface LoadedDotenv {
  /** Absolute path of the `.env` file read. */
  file: string;
  values: Record<string, string>;
  /** 1-based line of each key in the file. */
  keyLines: Record<string, number>;
}

/** Reads the nearest `.env` beside the request file or in a parent folder up to `searchRoot`; null if none. */
export async function loadDotenv(
  requestFile: string | null,
  searchRoot: string | null,
  fileReader: FileReader,
): Promise<LoadedDotenv | null> {
  const file = await findFileUpward(searchFolders(requestFile, searchRoot), '.env', fileReader);
  if (file === null) return null;
  const text = new TextDecoder('utf-8').decode(await fileReader.readFile(file));
  // dotenv is loaded only when there is a .env file to read (it costs start-up time otherwise).
  const values = (require('dotenv') as { parse: typeof parse }).parse(text);
  return { file, values, keyLines: dotenvKeyLines(text, Object.keys(values)) };
}

function dotenvKeyLines(text: string, keys: string[]): Record<string, number> {
  const lines = text.split(/\r\n|\r|\n/);
  const keyLines: Record<string, number> = {};
  lines.forEach((line, index) => {
    const match = /^\s*(?:export\s+)?([\w.-]+)\s*[=:]/.exec(line);
    if (match && keys.includes(match[1])) keyLines[match[1]] = index + 1;
  });
  return keyLines;
}
