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

function isRestBlank(line: string, from: number): boolean {
  for (let i = from; i < line.length; i++) if (!isSpace(line.charCodeAt(i))) return false;
  return true;
}

/** True when `line` from `from` is optional spaces, `@` and a letter: a directive's start. */
function isDirectiveAt(line: string, from: number): boolean {
  let i = from;
  while (i < line.length && isSpace(line.charCodeAt(i))) i++;
  if (line.charCodeAt(i) !== 64) return false;
  const c = line.charCodeAt(i + 1) | 0x20;
  return c >= 0x61 && c <= 0x7a;
}

/** True for `@name = value` (name without spaces or `=`), starting at `from`. */
function isVariableAt(line: string, from: number): boolean {
  let i = from + 1;
  while (i < line.length) {
    const c = line.charCodeAt(i);
    if (c === 61) return i > from + 1;
    if (isSpace(c)) break;
    i++;
  }
  if (i === from + 1) return false;
  while (i < line.length && isSpace(line.charCodeAt(i))) i++;
  return line.charCodeAt(i) === 61;
}

function classifyHashes(line: string, start: number): RawLineKind {
  let end = start;
  while (end < line.length && line.charCodeAt(end) === 35) end++;
  const count = end - start;
  const restBlank = isRestBlank(line, end);
  const spaceAfter = isSpace(line.charCodeAt(end));
  if (count === 1) return isDirectiveAt(line, end) ? 'directive' : 'comment';
  if (count === 3) {
    if (restBlank || spaceAfter) return 'separator';
    return 'badSeparator';
  }
  if (count >= 4 && restBlank) return 'separator';
  if (!spaceAfter || restBlank) return 'comment';
  if (count === 2) return 'heading';
  return count <= 6 ? 'ruleHeading' : 'ruleComment';
}

/** Classifies one line. Cheap: a few character tests, no regular expressions. */
export function classifyLine(line: string): RawLineKind {
  const start = indentOf(line);
  if (start === line.length) return 'blank';
  const c = line.charCodeAt(start);
  if (c === 35) return classifyHashes(line, start);
  if (c === 47 && line.charCodeAt(start + 1) === 47) {
    return isDirectiveAt(line, start + 2) ? 'directive' : 'comment';
  }
  if (c === 64 && isVariableAt(line, start)) return 'variable';
  return 'text';
}

/** `text.slice(start, end).trim()` with a single allocation (spaces and tabs trimmed). */
export function trimmedSlice(text: string, start: number, end: number): string {
  let from = start;
  let to = end;
  while (from < to && isSpace(text.charCodeAt(from))) from++;
  while (to > from && isSpace(text.charCodeAt(to - 1))) to--;
  return text.slice(from, to);
}

/** The level and text of a heading or separator line (`#` count, text after them, trimmed). */
export function headingParts(line: string): { level: number; text: string } {
  const start = indentOf(line);
  let end = start;
  while (end < line.length && line.charCodeAt(end) === 35) end++;
  return { level: end - start, text: line.slice(end).trim() };
}
