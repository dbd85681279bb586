import { SourceText } from './sourceText';

/**
 * Finds the lines of a file's text. LF, CRLF and a lone CR all end a line; a leading byte order mark
 * is skipped. Line `i` of the result is line `i + 1` in every diagnostic and range.
 */
export function scanLines(text: string): SourceText {
  const offset = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const starts: number[] = [];
  const ends: number[] = [];
  const hasCarriageReturn = text.indexOf('\r', offset) !== -1;
  let start = offset;
  if (!hasCarriageReturn) {
    for (let newline = text.indexOf('\n', start); newline !== -1; newline = text.indexOf('\n', start)) {
      starts.push(start);
      ends.push(newline);
      start = newline + 1;
    }
  } else {
    for (let i = offset; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c !== 10 && c !== 13) continue;
      starts.push(start);
      ends.push(i);
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      start = i + 1;
    }
  }
  starts.push(start);
  ends.push(text.length);
  return new SourceText(text, starts, ends, hasCarriageReturn);
}
