import { indentOf, trimmedSlice } from './classifyLine';
import { DiagnosticSink, quote } from './diagnosticSink';
import { commonMethodsText, knownMethodAt, looksLikeMethod } from './methods';

export interface RequestLine {
  method: string;
  target: string;
  /** `HTTP/1.1`, `HTTP/2`, … when the line ends with one, else null. */
  httpVersion: string | null;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9;
}

/** `HTTP/` and digits and dots: a version suffix, complete (`HTTP/1.1`, `HTTP/2`) or cut short (`HTTP/1.`). */
function isVersionWord(word: string): boolean {
  return /^HTTP\/[\d.]*$/i.test(word);
}

/**
 * Where the line's text ends once a trailing ` HTTP/x` is split off, and that version. REST Client drops
 * any ` HTTP/…` suffix; a cut-short one (`HTTP/1.`, seen in real files) is dropped too, with a warning.
 */
function splitVersion(
  line: string,
  start: number,
  end: number,
  warn: () => void,
): { end: number; httpVersion: string | null } {
  let i = end - 1;
  while (i >= start && !isSpace(line.charCodeAt(i))) i--;
  const length = end - i - 1;
  if (i < start || length < 5 || length > 8 || (line.charCodeAt(i + 1) | 0x20) !== 0x68) {
    return { end, httpVersion: null };
  }
  const last = line.slice(i + 1, end);
  if (!isVersionWord(last)) return { end, httpVersion: null };
  while (i > start && isSpace(line.charCodeAt(i - 1))) i--;
  if (/^HTTP\/\d(\.\d)?$/i.test(last)) {
    return { end: i, httpVersion: last === 'HTTP/1.1' ? 'HTTP/1.1' : last.toUpperCase() };
  }
  warn();
  return { end: i, httpVersion: null };
}

/**
 * Parses `[METHOD SP] target [SP HTTP/x]`. When the first word is not a method the whole line is the
 * target and the method is GET; a method-shaped word that gwhttp does not know is kept (with a warning).
 */
export function parseRequestLine(line: string, lineIndex: number, sink: DiagnosticSink): RequestLine {
  const start = indentOf(line);
  let lineEnd = line.length;
  while (lineEnd > start && isSpace(line.charCodeAt(lineEnd - 1))) lineEnd--;
  const { end, httpVersion } = splitVersion(line, start, lineEnd, () =>
    sink.warning(
      lineIndex,
      'incomplete-http-version',
      "The request line ends with an incomplete HTTP version: it is ignored (gwhttp sends HTTP/1.1). Write 'HTTP/1.1' or remove it.",
    ),
  );
  if (httpVersion !== null && httpVersion !== 'HTTP/1.1' && !/^HTTP\/(1(\.[01])?|2(\.0)?)$/.test(httpVersion)) {
    sink.warning(
      lineIndex,
      'unsupported-http-version',
      `gwhttp sends HTTP/1.1 or HTTP/2, not ${httpVersion}: this request goes over HTTP/1.1. Write 'HTTP/2' or 'HTTP/1.1', or remove it.`,
    );
  }
  let space = start;
  while (space < end && !isSpace(line.charCodeAt(space))) space++;
  const target = trimmedSlice(line, space, end);
  const method = knownMethodAt(line, start, space);
  if (method !== null) {
    if (target === '') {
      sink.error(
        lineIndex,
        'missing-url',
        `The request line has the method ${method} but no URL: write '${method} https://host/path'.`,
      );
    }
    return { method, target, httpVersion };
  }
  const first = line.slice(start, space);
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
