import { type UnchangedEnds, unchangedEnds } from './unchangedEnds';

/** A remembered result found again: its value, and how many lines its span moved since (add to its lines). */
export interface SpanHit<T> {
  value: T;
  lineDelta: number;
}

interface SpanEntry<T> {
  to: number;
  line: number;
  value: T;
}

/**
 * Results remembered by the text span they were computed from (`from`–`to`, character offsets, and the
 * span's first line), found again in the next text of the same document while that span lies in the part
 * an edit left alone (its unchanged prefix, or its unchanged suffix, moved). One round per text:
 * `begin`, any number of `find`/`remember`, `finish`; only what a round remembered is found in the next.
 * `context` names what the results depend on besides their span's text: when it differs, nothing is found.
 */
export class SpanMemo<T> {
  private text: string | null = null;
  private context = '';
  private entries = new Map<number, SpanEntry<T>>();
  private next = new Map<number, SpanEntry<T>>();
  private ends: UnchangedEnds | null = null;
  private current = '';

  /** The text of the last finished round, or null. */
  get previousText(): string | null {
    return this.text;
  }

  /** Starts a round over `text`; `ends` may be given when already known for (previousText, text). */
  begin(text: string, context = '', ends?: UnchangedEnds): void {
    const reusable = this.text !== null && context === this.context;
    this.ends = reusable ? (ends ?? unchangedEnds(this.text as string, text)) : null;
    this.current = text;
    this.context = context;
    this.next = new Map();
  }

  /** The result remembered for the span `from`–`to` (first line `line`) when its text is unchanged, or null. */
  find(from: number, to: number, line: number): SpanHit<T> | null {
    const ends = this.ends;
    if (ends === null || this.text === null) return null;
    // Offsets in the unchanged suffix moved by the change in length; those in the prefix stayed.
    let moved: number;
    if (to <= ends.prefix) moved = 0;
    else if (from >= this.current.length - ends.suffix) moved = this.current.length - this.text.length;
    else return null;
    const entry = this.entries.get(from - moved);
    if (entry === undefined || entry.to !== to - moved) return null;
    return { value: entry.value, lineDelta: line - entry.line };
  }

  /** Remembers the result for the span `from`–`to` of this round's text (first line `line`). */
  remember(from: number, to: number, line: number, value: T): void {
    this.next.set(from, { to, line, value });
  }

  /** Ends the round: what it remembered is what the next round can find. */
  finish(): void {
    this.text = this.current;
    this.entries = this.next;
    this.next = new Map();
    this.ends = null;
  }

  /** Forgets everything (after a failed round, or when the document is closed). */
  clear(): void {
    this.text = null;
    this.entries = new Map();
    this.next = new Map();
    this.ends = null;
  }
}
