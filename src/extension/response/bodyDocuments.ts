import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import * as vscode from 'vscode';

import { charsetOf, decodeText } from '../../core/http/decodeText';
import { Disposable } from '../util/disposable';

export const bodyDocumentScheme = 'gwhttp-body';

/** What a body document is made from: the response's id, bytes (or its spilled file) and Content-Type. */
export interface BodySource {
  modelId: number;
  body: Uint8Array;
  bodyFile: string | null;
  contentType: string | null;
  /** File extension that gives the editor its language (`json`, `xml`, `txt`). */
  extension: string;
}

/**
 * Response bodies opened in an editor as read-only documents (`gwhttp-body:/response-12.json`): the
 * body is written (or its spilled file copied, never read into memory) to a temp file, which a
 * read-only file system serves to the editor. The editor reads it as a file, so a 60 MiB body shows at
 * once, never asks to be saved, and is not sent through the extension host as one string. The temp
 * folder is removed when the extension stops.
 */
export class BodyDocuments extends Disposable implements vscode.FileSystemProvider {
  private folder: string | null = null;
  private readonly files = new Map<string, string>();
  private readonly changed = this.register(new vscode.EventEmitter<vscode.FileChangeEvent[]>());
  readonly onDidChangeFile = this.changed.event;

  constructor() {
    super();
    this.register({ dispose: () => this.folder && fs.rmSync(this.folder, { recursive: true, force: true }) });
  }

  /** Writes the body's file once per response and returns the read-only document's URI. */
  async uriFor(source: BodySource): Promise<vscode.Uri> {
    const name = `/response-${source.modelId}.${source.extension}`;
    if (!this.files.has(name)) {
      this.folder ??= await fs.promises.mkdtemp(path.join(os.tmpdir(), 'gwhttp-bodies-'));
      const file = path.join(this.folder, name.slice(1));
      await writeBody(source, file);
      this.files.set(name, file);
    }
    return vscode.Uri.from({ scheme: bodyDocumentScheme, path: name });
  }

  stat(uri: vscode.Uri): vscode.FileStat {
    const stats = fs.statSync(this.fileOf(uri));
    return { type: vscode.FileType.File, ctime: stats.ctimeMs, mtime: stats.mtimeMs, size: stats.size };
  }

  readFile(uri: vscode.Uri): Promise<Uint8Array> {
    return fs.promises.readFile(this.fileOf(uri));
  }

  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined);
  }

  readDirectory(): [string, vscode.FileType][] {
    return [];
  }

  createDirectory(uri: vscode.Uri): never {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  writeFile(uri: vscode.Uri): never {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  delete(uri: vscode.Uri): never {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  rename(uri: vscode.Uri): never {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  private fileOf(uri: vscode.Uri): string {
    const file = this.files.get(uri.path);
    if (!file) throw vscode.FileSystemError.FileNotFound(uri);
    return file;
  }
}

/** UTF-8 bodies are copied byte for byte; another declared charset is decoded and written as UTF-8. */
async function writeBody(source: BodySource, file: string): Promise<void> {
  const charset = charsetOf(source.contentType);
  const isUtf8 = charset === null || charset === 'utf-8' || charset === 'utf8';
  if (isUtf8 && source.bodyFile) return fs.promises.copyFile(source.bodyFile, file);
  const bytes = source.bodyFile ? await fs.promises.readFile(source.bodyFile) : Buffer.from(source.body);
  await fs.promises.writeFile(file, isUtf8 ? bytes : decodeText(bytes, source.contentType, false).text, 'utf8');
}
