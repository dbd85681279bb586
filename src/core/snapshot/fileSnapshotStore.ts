import * as fs from 'node:fs';

import type { SnapshotStore } from './snapshotStore';

/** Snapshot files on disk: a missing one reads as none; any other failure is the check's to report. */
export const fileSnapshotStore: SnapshotStore = {
  read(path) {
    try {
      return fs.readFileSync(path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  },
  write(path, text) {
    fs.writeFileSync(path, text);
  },
};
