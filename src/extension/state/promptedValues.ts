/**
 * The answers given to prompts (`# @prompt`, `{{$input}}`, `{{$password}}`, `{{$pick}}`) in this window,
 * per request file and name, so sending again does not ask again. Kept in memory only (never on
 * disk); `GW HTTP: Forget Prompted Values` clears them.
 */
export class PromptedValues {
  private readonly answers = new Map<string, string>();
  private open = 0;

  /** True while an input box or quick pick of a prompt is open (the send waits on the user). */
  get asking(): boolean {
    return this.open > 0;
  }

  /** Runs `ask` (one prompt shown to the user), counted in `asking` until it settles. */
  async whileAsking<T>(ask: () => Thenable<T>): Promise<T> {
    this.open++;
    try {
      return await ask();
    } finally {
      this.open--;
    }
  }

  get(file: string | null, name: string): string | undefined {
    return this.answers.get(key(file, name));
  }

  remember(file: string | null, name: string, answer: string): void {
    this.answers.set(key(file, name), answer);
  }

  /** Forgets every answer; returns how many there were. */
  clear(): number {
    const count = this.answers.size;
    this.answers.clear();
    return count;
  }
}

function key(file: string | null, name: string): string {
  return `${file ?? 'untitled'}\u0000${name}`;
}
