import {
  type AssertionLine,
  type Directive,
  directiveOf,
  type HeaderLine,
  type ParsedRequest,
  type ResponseSaveLine,
} from '../model/document';
import { checkTemplates } from './checkTemplates';
import { indentOf, trimmedSlice } from './classifyLine';
import { parseBody } from './parseBody';
import type { ParseContext } from './parseContext';
import { parseDirective, parseVariable } from './parseDirectives';
import { parseHeaderAt } from './parseHeaderLine';
import { parseRequestLine } from './parseRequestLine';
import { isPreRequestScriptFile, scriptKindAt, skipScript } from './scriptLines';
import type { Region } from './splitRegions';

/** A request as the region parsers build it; parseDocument numbers it. */
export type DraftRequest = ParsedRequest & { httpVersion: string | null };

interface Preamble {
  requestLine: number;
  directives: Directive[];
}

/** Reads blank, comment, directive and variable lines up to the request line (-1 when none). */
function readPreamble(context: ParseContext, region: Region): Preamble {
  const { source, kinds, sink } = context;
  const directives: Directive[] = [];
  for (let i = region.start; i < region.end; i++) {
    const kind = kinds[i];
    if (kind === 'directive') directives.push(parseDirective(source.line(i), i, sink));
    else if (kind === 'variable') context.variables.push(parseVariable(source.line(i), i));
    else if (kind === 'text') {
      if (scriptKindAt(source, i) !== null) i = skipScript(source, i, region.end, sink);
      else if (!isPreRequestScriptFile(source, i, sink)) return { requestLine: i, directives };
    }
  }
  return { requestLine: -1, directives };
}

/** True for a pasted response status line (`HTTP/1.1 200 OK`), which REST Client also skips. */
function isResponseLine(line: string): boolean {
  const start = indentOf(line);
  return line.startsWith('HTTP/', start) && line.charCodeAt(start + 5) >= 48 && line.charCodeAt(start + 5) <= 57;
}

/**
 * True for a continuation line: `?…` or `&…` (any indentation), or an indented `/…` (JetBrains'
 * multi-line URLs). An httpYac `?? assertion` is not one.
 */
function isContinuation(context: ParseContext, index: number): boolean {
  const c = context.source.firstCode(index);
  if (c !== 63 && c !== 38 && c !== 47) return false;
  const line = context.source.line(index);
  const indent = indentOf(line);
  if (c === 63) return line.charCodeAt(indent + 1) !== 63;
  return c === 38 || indent > 0;
}

/** Index of the first line from `from` that is not a comment line (`# …`, `// …`, a block comment). */
function skipComments(context: ParseContext, from: number, end: number): number {
  let i = from;
  while (i < end && context.kinds[i] === 'comment') i++;
  return i;
}

/**
 * Appends continuation lines to the target; returns the index after them. Comment lines between them
 * (a commented-out `# &$select=…`) are skipped, as REST Client and httpYac skip them.
 */
function readContinuations(context: ParseContext, from: number, end: number, target: { url: string }): number {
  let i = from;
  for (let next = skipComments(context, i, end); next < end && context.kinds[next] === 'text';) {
    if (!isContinuation(context, next)) break;
    const line = context.source.line(next);
    checkTemplates(line, next, 'the URL', 'error', context.sink);
    target.url += trimmedSlice(line, 0, line.length);
    i = next + 1;
    next = skipComments(context, i, end);
  }
  return i;
}

/** Reads header lines up to the first blank line; returns the index of the first body line. */
function readHeaders(
  context: ParseContext,
  from: number,
  end: number,
  headers: HeaderLine[],
  assertions: AssertionLine[],
  saves: ResponseSaveLine[],
): { next: number; last: number } {
  const { source, kinds, sink } = context;
  let last = from - 1;
  for (let i = from; i < end; i++) {
    const kind = kinds[i];
    if (kind === 'blank') return { next: i + 1, last };
    last = i;
    if (kind === 'directive') {
      sink.warning(
        i,
        'directive-after-request-line',
        'Directives must come before the request line: this one is ignored. Move it above the request line.',
      );
    } else if (kind === 'text' && scriptKindAt(source, i) !== null) {
      i = skipScript(source, i, end, sink, assertions, saves);
      last = i;
    } else if (kind === 'text' || kind === 'variable') {
      const header = parseHeaderAt(source, i, sink);
      if (header) headers.push(header);
    }
  }
  return { next: end, last };
}

/**
 * The file's preamble: a first region (before any `###`) without a request whose directives are all
 * ones of the whole file (`# @repeat N`, `# @parallel N`).
 */
function isFilePreamble(region: Region, directives: readonly Directive[]): boolean {
  return (
    region.separator === -1 &&
    directives.length > 0 &&
    directives.every((directive) => directive.key === 'repeat' || directive.key === 'parallel')
  );
}

/** Directives with no request after them, and block headings in a region without an Address. */
function warnMisplaced(context: ParseContext, region: Region, requestLine: number, directives: Directive[]): void {
  if (requestLine === -1 && directives.length > 0) {
    context.sink.warning(
      directives[0].line - 1,
      'directive-without-request',
      "This directive has no request line after it in its region, so it applies to nothing: add the request line below it (before the next '###').",
    );
  }
  if (region.methodHeading !== -1) {
    context.sink.warning(
      region.methodHeading,
      'block-without-address',
      "This '#### Method' heading starts a request block, but its region has no Address or URL block, so the region is read as a request line form: add '#### Address' with the request URL.",
    );
  }
}

/** Parses a region in the request-line form; null when it has no request line. */
export function parseLineForm(context: ParseContext, region: Region): DraftRequest | null {
  const { source, sink } = context;
  const { requestLine, directives } = readPreamble(context, region);
  const requestText = requestLine === -1 ? '' : source.line(requestLine);
  if (requestLine === -1 && isFilePreamble(region, directives)) {
    context.fileDirectives.push(...directives);
    return null;
  }
  warnMisplaced(context, region, requestLine, directives);
  if (requestLine === -1 || isResponseLine(requestText)) return null;
  const parsed = parseRequestLine(requestText, requestLine, sink);
  if (parsed.target === '') return null;
  const target = { url: parsed.target };
  const afterContinuations = readContinuations(context, requestLine + 1, region.end, target);
  if (requestText.includes('{{')) checkTemplates(requestText, requestLine, 'the URL', 'error', sink);
  const headers: HeaderLine[] = [];
  const assertions: AssertionLine[] = [];
  const saves: ResponseSaveLine[] = [];
  const headerPart = readHeaders(context, afterContinuations, region.end, headers, assertions, saves);
  const body = parseBody(context, headerPart.next, region.end, headers, assertions, saves);
  const endLine = Math.max(afterContinuations - 1, headerPart.last, body.lastLine) + 1;
  return {
    index: -1,
    name: requestName(directives),
    title: region.title,
    line: requestLine + 1,
    endLine,
    regionStartLine: region.separator + 1 || 1,
    method: parsed.method,
    url: target.url,
    urlLine: requestLine + 1,
    headers,
    body: body.body,
    bodyRange: body.bodyRange,
    form: 'line',
    directives,
    assertions,
    ...(saves.length > 0 ? { saveResponse: saves[0] } : {}),
    httpVersion: parsed.httpVersion,
  };
}

/** The value of the request's `@name` directive (spaces allowed, as JetBrains allows them), or null. */
export function requestName(directives: readonly Directive[]): string | null {
  return directiveOf({ directives }, 'name')?.value || null;
}
