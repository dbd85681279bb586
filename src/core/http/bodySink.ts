import { randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';

/**
 * Collects a decoded body: in memory up to `memoryLimit` bytes, then (when a spill folder is given)
 * everything goes to a temporary file while the first bytes stay in memory for display.
 */
export class BodySink {
  size = 0;
  filePath: string | null = null;
  private readonly chunks: Buffer[] = [];
  private held = 0;
  private file: fs.FileHandle | null = null;

  constructor(
    private readonly memoryLimit: number,
    private readonly spillDirectory: string | null,
  ) {}

  /** The body when no file was needed, else its first bytes. */
  head(): Buffer {
    return this.chunks.length === 1 ? this.chunks[0] : Buffer.concat(this.chunks, this.held);
  }

  /** Takes a chunk; returns a promise only when it had to go to the file (wait for it before the next). */
  add(chunk: Buffer): Promise<void> | null {
    this.size += chunk.length;
    if (this.file) return this.file.write(chunk).then(() => undefined);
    if (this.held + chunk.length <= this.memoryLimit || this.spillDirectory === null) {
      this.chunks.push(chunk);
      this.held += chunk.length;
      return null;
    }
    return this.spill(chunk, this.spillDirectory);
  }

  async close(): Promise<void> {
    const file = this.file;
    this.file = null;
    if (file) await file.close();
  }

  /** Closes and removes the spill file (after a failure). */
  async discard(): Promise<void> {
    await this.close().catch(() => undefined);
    if (this.filePath) await fs.rm(this.filePath, { force: true });
  }

  private async spill(chunk: Buffer, directory: string): Promise<void> {
    this.filePath = path.join(directory, `gwhttp-body-${randomUUID()}`);
    this.file = await fs.open(this.filePath, 'w', 0o600);
    for (const held of this.chunks) await this.file.write(held);
    await this.file.write(chunk);
  }
}
