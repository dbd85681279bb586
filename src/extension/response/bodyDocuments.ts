import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import * as vscode from 'vscode';

import { charsetOf, decodeText } from '../../core';
import { Disposable } from '../util/disposable';

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
 * Response bodies opened in an editor, read-only: the body is written (or its spilled file copied,
 * never read into memory) to a temp file that the workbench reads itself, in chunks, and then marks
 * read-only for the session. Measured on a 60 MiB body in code-server: the longest long task was
 * ~270 ms this way, against ~3.7 s when a read-only file system provider handed over the body in one
 * piece, and seconds of freeze for the untitled document built from one string before. The temp
 * folder is removed when the extension stops.
 */
export class BodyDocuments extends Disposable {
  private folder: string | null = null;
  private readonly files = new Map<string, string>();

  constructor() {
    super();
    this.register({ dispose: () => this.folder && fs.rmSync(this.folder, { recursive: true, force: true }) });
  }

  /** Writes the body's file once per response (read-only on disk too) and returns its URI. */
  async uriFor(source: BodySource): Promise<vscode.Uri> {
    const name = `response-${source.modelId}.${source.extension}`;
    let file = this.files.get(name);
    if (!file) {
      this.folder ??= await fs.promises.mkdtemp(path.join(os.tmpdir(), 'gwhttp-bodies-'));
      file = path.join(this.folder, name);
      await writeBody(source, file);
      await fs.promises.chmod(file, 0o444);
      this.files.set(name, file);
    }
    return vscode.Uri.file(file);
  }

  /** Opens the body in the active column and marks its editor read-only for this session. */
  async open(source: BodySource): Promise<void> {
    const uri = await this.uriFor(source);
    await vscode.commands.executeCommand('vscode.open', uri, { preview: false, viewColumn: vscode.ViewColumn.Active });
    const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
    if (input instanceof vscode.TabInputText && input.uri.toString() === uri.toString()) {
      await vscode.commands.executeCommand('workbench.action.files.setActiveEditorReadonlyInSession');
    }
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
