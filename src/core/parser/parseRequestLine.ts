import { indentOf, trimmedSlice } from './classifyLine';
import { DiagnosticSink, quote } from './diagnosticSink';
import { commonMethodsText, isKnownMethod, looksLikeMethod } from './methods';

export interface RequestLine {
  method: string;
  target: string;
  /** `HTTP/1.1`, `HTTP/2`, … when the line ends with one, else null. */
  httpVersion: string | null;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9;
}

function isHttpVersion(word: string): boolean {
  return word.length >= 6 && word.length <= 8 && /^HTTP\/\d(\.\d)?$/i.test(word);
}

/** Where the line's text ends once a trailing ` HTTP/x` is split off, and that version. */
function splitVersion(line: string, start: number, end: number): { end: number; httpVersion: string | null } {
  let i = end - 1;
  while (i >= start && !isSpace(line.charCodeAt(i))) i--;
  const length = end - i - 1;
  if (i < start || length < 6 || length > 8 || (line.charCodeAt(i + 1) | 0x20) !== 0x68) {
    return { end, httpVersion: null };
  }
  const last = line.slice(i + 1, end);
  if (!isHttpVersion(last)) return { end, httpVersion: null };
  while (i > start && isSpace(line.charCodeAt(i - 1))) i--;
  return { end: i, httpVersion: last.toUpperCase() };
}

/**
 * Parses `[METHOD SP] target [SP HTTP/x]`. When the first word is not a method the whole line is the
 * target and the method is GET; a method-shaped word that gwhttp does not know is kept (with a warning).
 */
export function parseRequestLine(line: string, lineIndex: number, sink: DiagnosticSink): RequestLine {
  const start = indentOf(line);
  let lineEnd = line.length;
  while (lineEnd > start && isSpace(line.charCodeAt(lineEnd - 1))) lineEnd--;
  const { end, httpVersion } = splitVersion(line, start, lineEnd);
  let space = start;
  while (space < end && !isSpace(line.charCodeAt(space))) space++;
  const first = line.slice(start, space);
  const target = trimmedSlice(line, space, end);
  if (isKnownMethod(first)) {
    const method = first.toUpperCase();
    if (target === '') {
      sink.error(
        lineIndex,
        'missing-url',
        `The request line has the method ${method} but no URL: write '${method} https://host/path'.`,
      );
    }
    return { method, target, httpVersion };
  }
  if (target !== '' && looksLikeMethod(first) && !/\s/.test(target)) {
    sink.warning(
      lineIndex,
      'unknown-method',
      `Unknown HTTP method ${quote(first)}: it is sent as written. Check the spelling; the usual methods are ${commonMethodsText}.`,
      indentOf(line),
    );
    return { method: first.toUpperCase(), target, httpVersion };
  }
  return { method: 'GET', target: line.slice(start, end), httpVersion };
}
