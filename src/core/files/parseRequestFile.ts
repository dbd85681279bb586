import { type ParsedRequestText, parseMarkdown } from '../markdown/parseMarkdown';
import { parseDocument } from '../parser/parseDocument';
import type { RegionParseMemo } from '../parser/regionParseMemo';
import { requestFileKind } from './requestFileKind';

/**
 * Parses a request file by its name: Markdown (`.md`) for its request blocks, anything else
 * (`.gwhttp`, `.http`, `.rest`, or a file given by name) as a request file. The one entry point the CLI
 * and the editor share. The editor passes the document's previous result and `memo` (each kept per open
 * document), so an edit parses again only what it touched; the result is the same as without them.
 */
export function parseRequestFile(
  fileName: string,
  text: string,
  memo?: RegionParseMemo,
  previous?: ParsedRequestText,
): ParsedRequestText {
  if (requestFileKind(fileName) === 'markdown') return parseMarkdown(text, previous, memo);
  return { document: parseDocument(text, memo), text };
}
