import { type ParsedRequestText, parseMarkdown } from '../markdown/parseMarkdown';
import { parseDocument } from '../parser/parseDocument';
import { requestFileKind } from './requestFileKind';

/**
 * Parses a request file by its name: Markdown (`.md`) for its request blocks, anything else
 * (`.gwhttp`, `.http`, `.rest`, or a file given by name) as a request file. The one entry point the CLI
 * and the editor share.
 */
export function parseRequestFile(fileName: string, text: string): ParsedRequestText {
  if (requestFileKind(fileName) === 'markdown') return parseMarkdown(text);
  return { document: parseDocument(text), text };
}
