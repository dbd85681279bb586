import * as path from 'node:path';

import { type FileReader, GwHttpError, type ParsedDocument, parseRequestFile } from '../../core';

export interface LoadedRequestFile {
  /** The path as the user gave it (shown in `file:line` messages). */
  displayPath: string;
  absolutePath: string;
  /** The text the parser read (for Markdown: its request blocks, other lines blank; lines kept). */
  text: string;
  document: ParsedDocument;
}

/** Reads and parses a request file (`.gwhttp`, `.http`, `.rest`, or Markdown by its `.md` name); an unreadable file is GwHttpError('file') (exit 2). */
export async function loadRequestFile(file: string, fileReader: FileReader, cwd: string): Promise<LoadedRequestFile> {
  const absolutePath = path.resolve(cwd, file);
  let bytes: Uint8Array;
  try {
    bytes = await fileReader.readFile(absolutePath);
  } catch (error) {
    const code = (error as { code?: string }).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : (code ?? 'unreadable');
    throw new GwHttpError('file', `Cannot read ${file}: ${reason}`, null, {
      hint: 'Check the path of the request file.',
    });
  }
  const text = new TextDecoder('utf-8').decode(bytes);
  return { displayPath: file, absolutePath, ...parseRequestFile(absolutePath, text) };
}
