import { type UnchangedEnds, unchangedEnds } from '../text/unchangedEnds';
import { rescanLines, scanLines } from './scanLines';
import type { SourceText } from './sourceText';

/** The lines of a document's last text, so the next text's lines are found by scanning only what an edit touched. */
export class LineScanMemo {
  private last: SourceText | null = null;
  private lastEnds: UnchangedEnds | null = null;

  /** scanLines(text), rescanning only the edited lines when the previous text is known. */
  scan(text: string): SourceText {
    const previous = this.last;
    this.lastEnds = previous === null ? null : unchangedEnds(previous.text, text);
    this.last =
      previous === null || this.lastEnds === null ? scanLines(text) : rescanLines(previous, text, this.lastEnds);
    return this.last;
  }

  /** The unchanged ends of the last `scan` (between the text before it and its text), or null. */
  get ends(): UnchangedEnds | null {
    return this.lastEnds;
  }

  clear(): void {
    this.last = null;
    this.lastEnds = null;
  }
}
