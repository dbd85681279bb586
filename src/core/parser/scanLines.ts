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
 * scanLines of `text` given the lines of the text before an edit and their unchanged ends: the lines in
 * the unchanged prefix and suffix are taken over (the suffix's offsets moved), only the edited middle is
 * scanned. The same result as scanLines(text).
 */
export function rescanLines(previous: SourceText, text: string, ends: UnchangedEnds): SourceText {
  const before = previous.text;
  // A line end or byte order mark next to the edit may join or split lines: rescan from the line before.
  const first = Math.max(0, lineAt(previous, ends.prefix) - 1);
  const last = Math.min(previous.count - 1, lineAt(previous, before.length - ends.suffix) + 1);
  const from = previous.starts[first];
  // (A U+FEFF starting the middle would be read as a byte order mark there.)
  if (first === 0 || last >= previous.count - 1 || ends.prefix < 2 || text.charCodeAt(from) === 0xfeff) {
    return scanLines(text);
  }
  const moved = text.length - before.length;
  const to = previous.starts[last] + moved;
  const middle = scanLines(text.slice(from, to));
  const starts = previous.starts.slice(0, first);
  const lineEnds = previous.ends.slice(0, first);
  for (let i = 0; i < middle.count - 1; i++) {
    starts.push(middle.starts[i] + from);
    lineEnds.push(middle.ends[i] + from);
  }
  const suffixStarts = previous.starts.slice(last);
  const suffixEnds = previous.ends.slice(last);
  for (let i = 0; i < suffixStarts.length; i++) {
    suffixStarts[i] += moved;
    suffixEnds[i] += moved;
  }
  // Without a CR before, the text holds one only if its edited middle does.
  const hasCarriageReturn = previous.hasCarriageReturn ? text.indexOf('\r') !== -1 : middle.hasCarriageReturn;
  return new SourceText(text, starts.concat(suffixStarts), lineEnds.concat(suffixEnds), hasCarriageReturn);
}
