/**
 * What one line is, judged by the line alone (the file-wide REST Client compatibility rule for
 * `#### title` lines is applied afterwards by `classifyLines`).
 */
export type LineKind = 'blank' | 'separator' | 'heading' | 'comment' | 'directive' | 'variable' | 'text';

/**
 * `ruleHeading`: four to six `#`, a space and text (a heading, or a separator in a file without block
 * headings). `ruleComment`: seven or more `#` and text (a comment, or such a separator).
 * `badSeparator`: `###text` without the space (a comment; worth a warning).
 */
export type RawLineKind = LineKind | 'ruleHeading' | 'ruleComment' | 'badSeparator';

function isSpace(c: number): boolean {
  return c === 32 || c === 9;
}

/** Index of the first character that is not a space or tab. */
export function indentOf(line: string): number {
  let i = 0;
  while (i < line.length && isSpace(line.charCodeAt(i))) i++;
  return i;
}

/** `text.slice(start, end)` without leading and trailing spaces and tabs, in a single allocation. */
export function trimmedSlice(text: string, start: number, end: number): string {
  let from = start;
  let to = end;
  while (from < to && isSpace(text.charCodeAt(from))) from++;
  while (to > from && isSpace(text.charCodeAt(to - 1))) to--;
  return text.slice(from, to);
}

function skipSpaces(text: string, from: number, end: number): number {
  let i = from;
  while (i < end && isSpace(text.charCodeAt(i))) i++;
  return i;
}

/** True when the text from `from` is optional spaces, `@` and a letter: a directive's start. */
function isDirectiveAt(text: string, from: number, end: number): boolean {
  const at = skipSpaces(text, from, end);
  if (at + 1 >= end || text.charCodeAt(at) !== 64) return false;
  const c = text.charCodeAt(at + 1) | 0x20;
  return c >= 0x61 && c <= 0x7a;
}

/** True for `@name = value` (name without spaces or `=`), starting at `from`. */
function isVariableAt(text: string, from: number, end: number): boolean {
  let i = from + 1;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (c === 61) return i > from + 1;
    if (isSpace(c)) break;
    i++;
  }
  if (i === from + 1) return false;
  i = skipSpaces(text, i, end);
  return i < end && text.charCodeAt(i) === 61;
}

function classifyHashes(text: string, start: number, end: number): RawLineKind {
  let after = start;
  while (after < end && text.charCodeAt(after) === 35) after++;
  const count = after - start;
  const restBlank = skipSpaces(text, after, end) === end;
  const spaceAfter = after < end && isSpace(text.charCodeAt(after));
  if (count === 1) return isDirectiveAt(text, after, end) ? 'directive' : 'comment';
  if (count === 3) return restBlank || spaceAfter ? 'separator' : 'badSeparator';
  if (count >= 4 && restBlank) return 'separator';
  if (!spaceAfter || restBlank) return 'comment';
  if (count === 2) return 'heading';
  return count <= 6 ? 'ruleHeading' : 'ruleComment';
}

/** Classifies the line `text.slice(start, end)`. Cheap: a few character tests, no copies. */
export function classifyLine(text: string, start = 0, end = text.length): RawLineKind {
  const first = skipSpaces(text, start, end);
  if (first === end) return 'blank';
  const c = text.charCodeAt(first);
  if (c === 35) return classifyHashes(text, first, end);
  if (c === 47 && first + 1 < end && text.charCodeAt(first + 1) === 47) {
    return isDirectiveAt(text, first + 2, end) ? 'directive' : 'comment';
  }
  if (c === 64 && isVariableAt(text, first, end)) return 'variable';
  return 'text';
}

/** The level and text of a heading or separator line (`#` count, text after them, trimmed). */
export function headingParts(line: string): { level: number; text: string } {
  const start = indentOf(line);
  let end = start;
  while (end < line.length && line.charCodeAt(end) === 35) end++;
  return { level: end - start, text: line.slice(end).trim() };
}
