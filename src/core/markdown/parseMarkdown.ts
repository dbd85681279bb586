import type { ParsedDocument } from '../model/document';
import { parseDocument } from '../parser/parseDocument';
import { scanLines } from '../parser/scanLines';
import { markdownOutline } from './markdownOutline';
import { markdownRequestRegions } from './markdownRequestRegions';
import { maskMarkdown } from './maskMarkdown';

/** A parsed request file and the text its parser read (what diagnostics and columns refer to). */
export interface ParsedRequestText {
  document: ParsedDocument;
  /** The file's text; for Markdown, the request regions only, every other line blank (line numbers kept). */
  text: string;
}

/**
 * Parses the requests of a Markdown file: fenced blocks whose info string is `http`, `rest` or `gwhttp`,
 * and gateway doc samples in the block form. Requests and diagnostics carry the Markdown file's line
 * numbers; nothing outside those regions is read. Total: it never throws.
 */
export function parseMarkdown(markdown: string): ParsedRequestText {
  const source = scanLines(typeof markdown === 'string' ? markdown : '');
  const found = markdownRequestRegions(markdownOutline(source), source.count);
  const text = maskMarkdown(source, found.regions);
  const parsed = parseDocument(text);
  const diagnostics = [...parsed.diagnostics, ...found.diagnostics].sort((a, b) => a.line - b.line);
  return { document: { ...parsed, diagnostics }, text };
}
