import { Writable } from 'node:stream';
import { promises as fs } from 'node:fs';
import { randomUUID } from 'node:crypto';
import * as path from 'node:path';

/**
 * Collects a decoded body: in memory up to `memoryLimit` bytes, then (when a spill folder is given)
 * everything goes to a temporary file while the first bytes stay in memory for display.
 */
export class BodySink extends Writable {
  size = 0;
  filePath: string | null = null;
  private readonly chunks: Buffer[] = [];
  private held = 0;
  private file: fs.FileHandle | null = null;

  constructor(
    private readonly memoryLimit: number,
    private readonly spillDirectory: string | null,
  ) {
    super();
  }

  /** The body when no file was needed, else its first bytes. */
  head(): Buffer {
    return Buffer.concat(this.chunks, this.held);
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    this.add(chunk).then(() => callback(), callback);
  }

  override _final(callback: (error?: Error | null) => void): void {
    this.closeFile().then(() => callback(), callback);
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    this.closeFile().then(() => callback(error), () => callback(error));
  }

  private async add(chunk: Buffer): Promise<void> {
    this.size += chunk.length;
    if (this.file) {
      await this.file.write(chunk);
      return;
    }
    if (this.held + chunk.length <= this.memoryLimit || this.spillDirectory === null) {
      this.chunks.push(chunk);
      this.held += chunk.length;
      return;
    }
    this.filePath = path.join(this.spillDirectory, `gwhttp-body-${randomUUID()}`);
    this.file = await fs.open(this.filePath, 'w', 0o600);
    for (const held of this.chunks) await this.file.write(held);
    await this.file.write(chunk);
  }

  private async closeFile(): Promise<void> {
    const file = this.file;
    this.file = null;
    if (file) await file.close();
  }
}
