import { type UnchangedEnds, unchangedEnds } from './unchangedEnds';

/** A remembered result found again: its value, and how many lines its span moved since (add to its lines). */
export interface SpanHit<T> {
  value: T;
  lineDelta: number;
}

interface SpanEntry<T> {
  from: number;
  to: number;
  line: number;
  value: T;
}

/** What one round compared: the text before it, the text it read, and their unchanged ends (null: none compared). */
export interface SpanRound {
  before: string | null;
  text: string;
  ends: UnchangedEnds | null;
}

/**
 * Results remembered by the text span they were computed from (`from`–`to`, character offsets, and the
 * span's first line), found again in the next text of the same document while that span lies in the part
 * an edit left alone (its unchanged prefix, or its unchanged suffix, moved). One round per text:
 * `begin`, then `find`/`remember` for spans in text order, then `finish`; only what a round remembered
 * is found in the next. `context` names what the results depend on besides their span's text: when it
 * differs, nothing is found.
 */
export class SpanMemo<T> {
  private text: string | null = null;
  private context = '';
  private entries: SpanEntry<T>[] = [];
  private next: SpanEntry<T>[] = [];
  /** Index in `entries` where the next `find` starts looking (spans are asked for in text order). */
  private cursor = 0;
  private round: SpanRound | null = null;
  private last: SpanRound | null = null;

  /** The text of the last finished round, or null. */
  get previousText(): string | null {
    return this.text;
  }

  /** The last finished round (its unchanged ends can serve another memo over the same texts), or null. */
  get lastRound(): SpanRound | null {
    return this.last;
  }

  /** Starts a round over `text`; `ends` may be given when already known for (previousText, text). */
  begin(text: string, context = '', ends?: UnchangedEnds): void {
    const before = this.text;
    const reusable = before !== null && context === this.context;
    this.round = { before, text, ends: reusable ? (ends ?? unchangedEnds(before, text)) : null };
    this.context = context;
    this.next = [];
    this.cursor = 0;
  }

  /** The result remembered for the span `from`–`to` (first line `line`) when its text is unchanged, or null. */
  find(from: number, to: number, line: number): SpanHit<T> | null {
    const round = this.round;
    if (round === null || round.ends === null || round.before === null) return null;
    const { ends, text, before } = round;
    // Offsets in the unchanged suffix moved by the change in length; those in the prefix stayed.
    let moved: number;
    if (to <= ends.prefix) moved = 0;
    else if (from >= text.length - ends.suffix) moved = text.length - before.length;
    else return null;
    const old = from - moved;
    const { entries } = this;
    while (this.cursor < entries.length && entries[this.cursor].from < old) this.cursor++;
    const entry = entries[this.cursor];
    if (entry === undefined || entry.from !== old || entry.to !== to - moved) return null;
    return { value: entry.value, lineDelta: line - entry.line };
  }

  /** Remembers the result for the span `from`–`to` of this round's text (first line `line`). */
  remember(from: number, to: number, line: number, value: T): void {
    this.next.push({ from, to, line, value });
  }

  /** Ends the round: what it remembered is what the next round can find. */
  finish(): void {
    if (this.round === null) return;
    this.text = this.round.text;
    this.entries = this.next;
    this.next = [];
    this.last = this.round;
    this.round = null;
  }

  /** Forgets everything (after a failed round, or when the document is closed). */
  clear(): void {
    this.text = null;
    this.entries = [];
    this.next = [];
    this.round = null;
    this.last = null;
  }
}
