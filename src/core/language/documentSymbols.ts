import type { ParsedDocument, ParsedRequest } from '../model/document';
import { maskIfSecret } from '../variables/secretMask';
import { findBlocks, findSeparators, lastContentLine } from './documentLines';

export type SymbolKind = 'request' | 'variable' | 'block';

/** An outline entry. Lines are 1-based and inclusive; `selectionLine` is the line to reveal. */
export interface OutlineSymbol {
  name: string;
  detail: string;
  kind: SymbolKind;
  line: number;
  endLine: number;
  selectionLine: number;
  children: OutlineSymbol[];
}

/** Requests (by name, title or method and URL) with their blocks, and file variables, in file order. */
export function documentSymbols(document: ParsedDocument, lines: readonly string[]): OutlineSymbol[] {
  const separators = findSeparators(lines);
  const blocks = findBlocks(lines);
  const symbols: OutlineSymbol[] = document.requests.map((request) => {
    const line = Math.min(request.regionStartLine, request.line);
    const endLine = Math.max(request.endLine, request.line, regionEnd(request, separators, lines));
    const children =
      request.form === 'block'
        ? blocks
            .filter((block) => block.line >= line && block.line <= endLine)
            .map((block): OutlineSymbol => ({
              name: block.title,
              detail: '',
              kind: 'block',
              line: block.line,
              endLine: block.endLine,
              selectionLine: block.line,
              children: [],
            }))
        : [];
    return {
      name: requestLabel(request),
      detail: requestDetail(request),
      kind: 'request',
      line,
      endLine,
      selectionLine: request.line,
      children,
    };
  });
  for (const variable of document.variables) {
    const { value } = maskIfSecret(variable.name, variable.value);
    symbols.push({
      name: `@${variable.name}`,
      detail: value,
      kind: 'variable',
      line: variable.line,
      endLine: variable.line,
      selectionLine: variable.line,
      children: [],
    });
  }
  return symbols.sort((a, b) => a.line - b.line);
}

/** The name other requests use, else the `###` title, else `METHOD url`. */
export function requestLabel(request: ParsedRequest): string {
  return request.name ?? request.title ?? requestDetail(request);
}

function requestDetail(request: ParsedRequest): string {
  return `${request.method} ${request.url}`.trim();
}

/** Last content line of the request's region (up to the next separator). */
function regionEnd(request: ParsedRequest, separators: readonly number[], lines: readonly string[]): number {
  const next = separators.find((separator) => separator > request.line) ?? lines.length + 1;
  return lastContentLine(lines, request.line, next);
}
