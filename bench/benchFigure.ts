/** One measured figure of a benchmark, with its goal, and how the benchmarks print it. */
export interface BenchFigure {
  name: string;
  value: number;
  unit: string;
  /** Null for a figure reported beside a goal's figure, with no goal of its own. */
  goal: number | null;
  ok: boolean;
  detail?: string;
}

/** Prints each figure on one line, `ok`, `SLOW` or `info` first (bench/index.ts reads that word). */
export function printFigures(figures: readonly BenchFigure[]): void {
  for (const f of figures) {
    const goal = f.goal === null ? 'reported, no goal' : `goal ≤ ${f.goal}${f.unit}`;
    console.log(
      `${f.goal === null ? 'info' : f.ok ? 'ok  ' : 'SLOW'} ${f.name}: ${f.value}${f.unit} (${goal}; ${f.detail})`,
    );
  }
}
