import { indentOf } from './classifyLine';
import { DiagnosticSink, quote } from './diagnostics';
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

/** Splits off a trailing ` HTTP/x` from the trimmed line. */
function splitVersion(text: string): { rest: string; httpVersion: string | null } {
  let i = text.length - 1;
  while (i >= 0 && !isSpace(text.charCodeAt(i))) i--;
  if (i < 0) return { rest: text, httpVersion: null };
  const last = text.slice(i + 1);
  if (!isHttpVersion(last)) return { rest: text, httpVersion: null };
  return { rest: text.slice(0, i).trimEnd(), httpVersion: last.toUpperCase() };
}

/**
 * Parses `[METHOD SP] target [SP HTTP/x]`. When the first word is not a method the whole line is the
 * target and the method is GET; a method-shaped word that gwhttp does not know is kept (with a warning).
 */
export function parseRequestLine(line: string, lineIndex: number, sink: DiagnosticSink): RequestLine {
  const { rest, httpVersion } = splitVersion(line.trim());
  let space = 0;
  while (space < rest.length && !isSpace(rest.charCodeAt(space))) space++;
  const first = rest.slice(0, space);
  const target = rest.slice(space).trim();
  if (isKnownMethod(first)) {
    if (target === '') {
      sink.error(lineIndex, 'missing-url',
        `The request line has the method ${first.toUpperCase()} but no URL: write '${first.toUpperCase()} https://host/path'.`);
    }
    return { method: first.toUpperCase(), target, httpVersion };
  }
  if (target !== '' && looksLikeMethod(first) && !/\s/.test(target)) {
    sink.warning(lineIndex, 'unknown-method',
      `Unknown HTTP method ${quote(first)}: it is sent as written. Check the spelling; the usual methods are ${commonMethodsText}.`,
      indentOf(line));
    return { method: first.toUpperCase(), target, httpVersion };
  }
  return { method: 'GET', target: rest, httpVersion };
}
