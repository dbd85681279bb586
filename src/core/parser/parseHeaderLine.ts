import type { HeaderLine } from '../model/document';
import { checkTemplates } from './checkTemplates';
import { trimmedSlice } from './classifyLine';
import { DiagnosticSink, quote } from './diagnosticSink';
import { isKnownMethod } from './methods';
import type { SourceText } from './sourceText';

/** RFC 9110 token characters: what a header name may contain. */
function isTokenChar(c: number): boolean {
  if ((c >= 48 && c <= 57) || ((c | 0x20) >= 97 && (c | 0x20) <= 122) || c === 45) return true;
  return "!#$%&'*+-.^_`|~".includes(String.fromCharCode(c));
}

/** True when `name` is a valid header name (an HTTP token), or holds a `{{variable}}`. */
export function isHeaderName(name: string): boolean {
  if (name.length === 0) return false;
  if (name.includes('{{')) return true;
  for (let i = 0; i < name.length; i++) if (!isTokenChar(name.charCodeAt(i))) return false;
  return true;
}

/**
 * Splits `Name: value` at the first colon (both sides trimmed), or returns null when the line has no
 * colon or the name is not a header name. Reports nothing: callers decide what a non-header means.
 */
export function splitHeaderLine(line: string, lineIndex: number): HeaderLine | null {
  const colon = line.indexOf(':');
  if (colon <= 0) return null;
  const name = trimmedSlice(line, 0, colon);
  if (!isHeaderName(name)) return null;
  return { name, value: trimmedSlice(line, colon + 1, line.length), line: lineIndex + 1 };
}

/** True for `METHOD target` with a known method, which is never a header. */
function looksLikeRequestLine(line: string): boolean {
  const trimmed = line.trimStart();
  const space = trimmed.indexOf(' ');
  return space > 0 && isKnownMethod(trimmed.slice(0, space)) && trimmed.slice(space).trim() !== '';
}

/**
 * Parses header line `lineIndex` in the request-line form. A line without a colon, or with a name that
 * is not an HTTP token, is an error diagnostic and yields null.
 */
export function parseHeaderAt(source: SourceText, lineIndex: number, sink: DiagnosticSink): HeaderLine | null {
  const { text } = source;
  const start = source.starts[lineIndex];
  const end = source.ends[lineIndex];
  let colon = start;
  while (colon < end && text.charCodeAt(colon) !== 58) colon++;
  const name = colon === end ? '' : trimmedSlice(text, start, colon);
  if (colon === end || !isHeaderName(name)) {
    reportNonHeader(source.line(lineIndex), lineIndex, colon === end ? -1 : colon - start, sink);
    return null;
  }
  const value = trimmedSlice(text, colon + 1, end);
  if (name.includes('{{') || value.includes('{{')) {
    checkTemplates(source.line(lineIndex), lineIndex, `the header ${quote(name)}`, 'error', sink);
  }
  return { name, value, line: lineIndex + 1 };
}

/** Explains why a line in the header part is not a header. */
function reportNonHeader(line: string, lineIndex: number, colon: number, sink: DiagnosticSink): void {
  if (looksLikeRequestLine(line)) {
    sink.error(
      lineIndex,
      'missing-separator',
      `${quote(line)} looks like a second request line inside this request: put a '###' separator line before it to start a new request.`,
    );
    return;
  }
  if (colon === -1) {
    sink.error(
      lineIndex,
      'header-without-colon',
      `${quote(line)} is not a header: write it as 'Name: value', or put a blank line before it if the request body starts here.`,
    );
    return;
  }
  const name = line.slice(0, colon).trim();
  sink.error(
    lineIndex,
    'invalid-header-name',
    name === ''
      ? "This header has no name before ':': write it as 'Name: value'."
      : `${quote(name)} is not a valid header name (letters, digits and !#$%&'*+-.^_\`|~ only, no spaces): fix the name, or put a blank line before this line if the body starts here.`,
  );
}
