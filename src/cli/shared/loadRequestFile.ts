import * as path from 'node:path';

import { GwHttpError } from '../../core/errors';
import type { ParsedDocument } from '../../core/model/document';
import { parseDocument } from '../../core/parser/parseDocument';
import type { FileReader } from '../../core/ports';

export interface LoadedRequestFile {
  /** The path as the user gave it (shown in `file:line` messages). */
  displayPath: string;
  absolutePath: string;
  text: string;
  document: ParsedDocument;
}

/** Reads and parses a `.gwhttp` file; an unreadable file is GwHttpError('file') (exit 2). */
export async function loadRequestFile(file: string, fileReader: FileReader, cwd: string): Promise<LoadedRequestFile> {
  const absolutePath = path.resolve(cwd, file);
  let bytes: Uint8Array;
  try {
    bytes = await fileReader.readFile(absolutePath);
  } catch (error) {
    const code = (error as { code?: string }).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : (code ?? 'unreadable');
    throw new GwHttpError('file', `Cannot read ${file}: ${reason}`, 'Check the path of the request file.');
  }
  const text = new TextDecoder('utf-8').decode(bytes);
  return { displayPath: file, absolutePath, text, document: parseDocument(text) };
}
