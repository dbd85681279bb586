import * as fs from 'node:fs';
import * as path from 'node:path';

/** Where `>> path` and `# @save path` write response bodies (tests and front ends pass one in). */
export interface ResponseFileStore {
  exists(file: string): boolean;
  /** Writes the body (or copies `bodyFile`, which holds all of a large body), creating missing folders. */
  write(file: string, body: { body: Buffer; bodyFile: string | null }): void;
}

/** Response files on disk. */
export const fileResponseStore: ResponseFileStore = {
  exists: (file) => fs.existsSync(file),
  write(file, { body, bodyFile }) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    if (bodyFile === null) fs.writeFileSync(file, body);
    else fs.copyFileSync(bodyFile, file);
  },
};
