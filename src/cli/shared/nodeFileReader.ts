import * as fs from 'node:fs';

import type { FileReader } from '../../core';

/**
 * The FileReader port on Node's file system. The CLI runs one thing at a time, so the calls are
 * synchronous inside the promises: fs.promises' readFile (open, stat, read, close as separate
 * round trips) and a rejected access() per missing env file cost every run milliseconds.
 */
export const nodeFileReader: FileReader = {
  readFile: async (path) => new Uint8Array(fs.readFileSync(path)),
  exists: async (path) => fs.existsSync(path),
};
