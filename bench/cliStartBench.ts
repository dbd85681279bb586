/** CLI start-up (issues 4 and 10): `node dist/cli.js --version` within 1.2x of `node -e 0`; needs `npm run build` first. */
import { execFileSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';

import { type BenchFigure, printFigures } from './benchFigure';
import { findCli } from './benchPaths';

function medianRun(args: string[], runs: number): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    execFileSync(process.execPath, args, { stdio: 'ignore' });
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

const goal = 1.2;

export async function runCliStartBench(): Promise<BenchFigure[]> {
  const cli = findCli();
  medianRun([cli, '--version'], 2);
  medianRun(['-e', '0'], 2);
  const runs = 15;
  let ours = 0;
  let bare = 0;
  for (let round = 0; round < 3; round++) {
    ours += medianRun([cli, '--version'], runs);
    bare += medianRun(['-e', '0'], runs);
  }
  const value = Math.round((ours / bare) * 100) / 100;
  return [
    {
      name: 'gwhttp --version vs node -e 0',
      value,
      unit: 'x',
      goal,
      ok: value <= goal,
      detail: `${(ours / 3).toFixed(1)} ms vs ${(bare / 3).toFixed(1)} ms (median of ${runs}, 3 rounds)`,
    },
  ];
}

if (require.main === module) {
  runCliStartBench().then(printFigures, (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
