/**
 * Splits a file's text into lines. LF, CRLF and a lone CR all end a line; a leading byte order mark is
 * dropped. Line `i` of the result is line `i + 1` in every diagnostic and range.
 */
export function scanLines(text: string): string[] {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (source.indexOf('\r') === -1) return source.split('\n');
  const lines: string[] = [];
  let start = 0;
  const length = source.length;
  for (let i = 0; i < length; i++) {
    const c = source.charCodeAt(i);
    if (c === 10) {
      lines.push(source.slice(start, i));
      start = i + 1;
    } else if (c === 13) {
      lines.push(source.slice(start, i));
      if (source.charCodeAt(i + 1) === 10) i++;
      start = i + 1;
    }
  }
  lines.push(source.slice(start));
  return lines;
}
