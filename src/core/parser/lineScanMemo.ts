import { type UnchangedEnds, unchangedEnds } from '../text/unchangedEnds';
import { rescanLines, rescanWindow, scanLines } from './scanLines';
import type { SourceText } from './sourceText';

/**
 * How the lines of a document's text map to those of its text before an edit: line `i < first` is old
 * line `i`, line `i >= tailStart` is old line `i + shift`, each with the same text.
 */
export interface UnchangedLines {
  /** The text before the edit. */
  previous: SourceText;
  /** Lines `0` to `first - 1` are the same lines in both texts. */
  first: number;
  /** New lines from `tailStart` to the end are the old lines from `tailStart + shift`. */
  tailStart: number;
  shift: number;
}

/** The lines of a document's last text, so the next text's lines are found by scanning only what an edit touched. */
export class LineScanMemo {
  private last: SourceText | null = null;
  private lastEnds: UnchangedEnds | null = null;
  private lastLines: UnchangedLines | null = null;

  /** scanLines(text), rescanning only the edited lines when the previous text is known. */
  scan(text: string): SourceText {
    const previous = this.last;
    this.lastEnds = previous === null ? null : unchangedEnds(previous.text, text);
    this.last =
      previous === null || this.lastEnds === null ? scanLines(text) : rescanLines(previous, text, this.lastEnds);
    this.lastLines = previous === null ? null : unchangedLinesOf(previous, this.last, this.lastEnds);
    return this.last;
  }

  /** The unchanged ends of the last `scan` (between the text before it and its text), or null. */
  get ends(): UnchangedEnds | null {
    return this.lastEnds;
  }

  /** Which lines the last `scan` took over from the text before it, or null (all scanned). */
  get unchangedLines(): UnchangedLines | null {
    return this.lastLines;
  }

  clear(): void {
    this.last = null;
    this.lastEnds = null;
    this.lastLines = null;
  }
}

function unchangedLinesOf(previous: SourceText, next: SourceText, ends: UnchangedEnds | null): UnchangedLines | null {
  if (previous.text === next.text) return { previous, first: next.count, tailStart: next.count, shift: 0 };
  const window = ends === null ? null : rescanWindow(previous, next.text, ends);
  if (window === null) return null;
  const shift = previous.count - next.count;
  return { previous, first: window.first, tailStart: window.last - shift, shift };
}
