import * as vscode from 'vscode';

import type { FileReader } from '../../core';

/** Reads files through `workspace.fs`, so remote workspaces work too. */
export const vscodeFileReader: FileReader = {
  async readFile(path: string): Promise<Uint8Array> {
    return vscode.workspace.fs.readFile(vscode.Uri.file(path));
  },
  async exists(path: string): Promise<boolean> {
    try {
      await vscode.workspace.fs.stat(vscode.Uri.file(path));
      return true;
    } catch {
      return false;
    }
  },
};
