import type { Diagnostic } from '../model/diagnostic';
import type { ParsedDocument } from '../model/document';
import { parseDocument } from '../parser/parseDocument';
import type { RegionParseMemo } from '../parser/regionParseMemo';
import { scanLines } from '../parser/scanLines';
import { markdownOutline } from './markdownOutline';
import { markdownRequestRegions, unterminatedFenceCode } from './markdownRequestRegions';
import { maskMarkdown } from './maskMarkdown';

/** A parsed request file and the text its parser read (what diagnostics and columns refer to). */
export interface ParsedRequestText {
  document: ParsedDocument;
  /** The file's text; for Markdown, the request regions only, every other line blank (line numbers kept). */
  text: string;
}

/** True when `previous` reported exactly these fence problems (their messages name the fence as written). */
function sameFenceProblems(previous: ParsedRequestText, problems: readonly Diagnostic[]): boolean {
  const before = previous.document.diagnostics.filter((d) => d.code === unterminatedFenceCode);
  return before.length === problems.length && before.every((d, i) => d.message === problems[i].message);
}

/**
 * Parses the requests of a Markdown file: fenced blocks whose info string is `http`, `rest` or `gwhttp`,
 * and gateway doc samples in the block form. Requests and diagnostics carry the Markdown file's line
 * numbers; nothing outside those regions is read. Total: it never throws. Given the `previous` result of
 * the same document, it is returned as it is when the request blocks read the same (an edit in the prose
 * that moves no line costs the Markdown scan only); given a `memo`, the request regions an edit left
 * alone are not parsed again (parseDocument's memo, over the request blocks).
 */
export function parseMarkdown(
  markdown: string,
  previous?: ParsedRequestText,
  memo?: RegionParseMemo,
): ParsedRequestText {
  const given = typeof markdown === 'string' ? markdown : '';
  const source = memo ? memo.markdownLines.scan(given) : scanLines(given);
  const found = markdownRequestRegions(markdownOutline(source), source.count);
  const text = maskMarkdown(source, found.regions);
  if (previous !== undefined && previous.text === text && sameFenceProblems(previous, found.diagnostics)) {
    return previous;
  }
  const parsed = parseDocument(text, memo);
  const diagnostics = [...parsed.diagnostics, ...found.diagnostics].sort((a, b) => a.line - b.line);
  return { document: { ...parsed, diagnostics }, text };
}
