/** Where snapshot files live (the CLI and the extension give one over the file system). */
export interface SnapshotStore {
  /** The file's text, or null when there is none yet. Other failures throw. */
  read(path: string): string | null;
  write(path: string, text: string): void;
}

/** How a run treats snapshots: compare (writing a missing one, except in CI), or rewrite them. */
export interface SnapshotOptions {
  store: SnapshotStore;
  update: boolean;
  /** In CI a missing snapshot fails instead of being written, so a run never records what nobody reviewed. */
  ci: boolean;
}
