/**
 * Joins the writes made in one turn of the event loop into one write of the stream: the results of a
 * `--parallel` run that arrive together go out as one write (one system call for the terminal or pipe),
 * and nothing waits longer than the current turn. `flush` writes what is pending at once.
 */
export class BatchedOutput {
  private pending: string[] = [];
  private scheduled = false;

  constructor(private readonly stream: NodeJS.WritableStream) {}

  write(text: string): void {
    if (text === '') return;
    this.pending.push(text);
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => this.flush());
  }

  flush(): void {
    this.scheduled = false;
    if (this.pending.length === 0) return;
    const text = this.pending.length === 1 ? this.pending[0] : this.pending.join('');
    this.pending = [];
    this.stream.write(text);
  }
}
