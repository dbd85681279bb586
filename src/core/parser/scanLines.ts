import type { UnchangedEnds } from '../text/unchangedEnds';
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

/** Index of the first line whose end is at or after `offset` (the line holding it). */
function lineAt(source: SourceText, offset: number): number {
  let low = 0;
  let high = source.count - 1;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (source.ends[middle] < offset) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * The lines of the text before an edit that rescanLines takes over: lines `0` to `first - 1` stay where
 * they are, lines `last` to the end move by the edit's change in length (and keep their text); the
 * lines between are scanned again. Null when the whole text must be scanned again (an edit on the first
 * or last line, or a U+FEFF where the rescan would start).
 */
export function rescanWindow(
  previous: SourceText,
  text: string,
  ends: UnchangedEnds,
): { first: number; last: number } | null {
  // A line end or byte order mark next to the edit may join or split lines: rescan from the line before.
  const first = Math.max(0, lineAt(previous, ends.prefix) - 1);
  const last = Math.min(previous.count - 1, lineAt(previous, previous.text.length - ends.suffix) + 1);
  // (A U+FEFF starting the middle would be read as a byte order mark there.)
  if (first === 0 || last >= previous.count - 1 || ends.prefix < 2) return null;
  return text.charCodeAt(previous.starts[first]) === 0xfeff ? null : { first, last };
}

/**
 * scanLines of `text` given the lines of the text before an edit and their unchanged ends: the lines in
 * the unchanged prefix and suffix are taken over (the suffix's offsets moved), only the edited middle is
 * scanned. The same result as scanLines(text).
 */
export function rescanLines(previous: SourceText, text: string, ends: UnchangedEnds): SourceText {
  const window = rescanWindow(previous, text, ends);
  if (window === null) return scanLines(text);
  const { first, last } = window;
  const before = previous.text;
  const from = previous.starts[first];
  const moved = text.length - before.length;
  const to = previous.starts[last] + moved;
  const middle = scanLines(text.slice(from, to));
  // One array each, filled in place (slice, push and concat of 40,000 offsets cost more than the scan).
  const count = first + middle.count - 1 + previous.count - last;
  const starts = new Array<number>(count);
  const lineEnds = new Array<number>(count);
  for (let i = 0; i < first; i++) {
    starts[i] = previous.starts[i];
    lineEnds[i] = previous.ends[i];
  }
  for (let i = 0; i < middle.count - 1; i++) {
    starts[first + i] = middle.starts[i] + from;
    lineEnds[first + i] = middle.ends[i] + from;
  }
  for (let i = last, j = first + middle.count - 1; i < previous.count; i++, j++) {
    starts[j] = previous.starts[i] + moved;
    lineEnds[j] = previous.ends[i] + moved;
  }
  // Without a CR before, the text holds one only if its edited middle does.
  const hasCarriageReturn = previous.hasCarriageReturn ? text.indexOf('\r') !== -1 : middle.hasCarriageReturn;
  return new SourceText(text, starts, lineEnds, hasCarriageReturn);
}
