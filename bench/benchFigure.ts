/** One measured figure of a benchmark, with its goal, and how the benchmarks print it. */
export interface BenchFigure {
  name: string;
  value: number;
  unit: string;
  goal: number;
  ok: boolean;
  detail?: string;
}

/** Prints each figure on one line, `ok` or `SLOW` first (bench/index.ts reads that word). */
export function printFigures(figures: readonly BenchFigure[]): void {
  for (const f of figures) console.log(`${f.ok ? 'ok  ' : 'SLOW'} ${f.name}: ${f.value}${f.unit} (goal ≤ ${f.goal}${f.unit}; ${f.detail})`);
}
