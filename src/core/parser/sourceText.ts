/**
 * A file's text with the start and end offset of every line, so the parser can look at lines without
 * copying each of them into its own string (it copies only the parts it keeps).
 */
export class SourceText {
  constructor(
    readonly text: string,
    /** Offset of each line's first character. */
    readonly starts: number[],
    /** Offset just after each line's last character (before its line end). */
    readonly ends: number[],
    /** True when some line ends with CR or CRLF (bodies then cannot be sliced in one piece). */
    readonly hasCarriageReturn: boolean,
  ) {}

  get count(): number {
    return this.starts.length;
  }

  /** The text of line `index` (0-based), without its line end. */
  line(index: number): string {
    return this.text.slice(this.starts[index], this.ends[index]);
  }

  /** Char code of the first character that is not a space or tab, or -1 for a blank line. */
  firstCode(index: number): number {
    const { text } = this;
    const end = this.ends[index];
    for (let i = this.starts[index]; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c !== 32 && c !== 9) return c;
    }
    return -1;
  }

  /** Lines `from` to `to - 1` joined with `separator` (one slice when the file uses LF only). */
  join(from: number, to: number, separator: string): string {
    if (to <= from) return '';
    if (separator === '\n' && !this.hasCarriageReturn) return this.text.slice(this.starts[from], this.ends[to - 1]);
    const parts: string[] = [];
    for (let i = from; i < to; i++) parts.push(this.line(i));
    return parts.join(separator);
  }
}
