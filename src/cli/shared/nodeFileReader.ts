import { promises as fs } from 'node:fs';
import type { FileReader } from '../../core/ports';

/** The FileReader port on Node's file system. */
export const nodeFileReader: FileReader = {
  readFile: async (path) => new Uint8Array(await fs.readFile(path)),
  exists: async (path) => {
    try {
      await fs.access(path);
      return true;
    } catch {
      return false;
    }
  },
};
