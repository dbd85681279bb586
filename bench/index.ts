/**
 * `npm run bench`: runs each benchmark in its own Node process (so one's JIT and heap state cannot skew
 * another's) and prints their figures. Exit 1 when any figure misses its goal.
 */
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

const benchmarks = [
  'parseBench.js',
  'editorBench.js',
  'requestFileKindsBench.js',
  'cliStartBench.js',
  'sendBench.js',
  'parallelBench.js',
  'signBench.js',
  'signBenchB.js',
];

function runBenchmark(file: string): boolean {
  process.stdout.write(`\n== ${file.replace(/\.js$/, '')} ==\n`);
  const result = spawnSync(process.execPath, [path.join(__dirname, file)], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  process.stdout.write(result.stdout);
  return result.status === 0 && !/^(FAIL|SLOW)\b/m.test(result.stdout);
}

const failed = benchmarks.filter((file) => !runBenchmark(file));
process.stdout.write(
  failed.length === 0 ? '\nall benchmarks met their goals\n' : `\nmissed goals in: ${failed.join(', ')}\n`,
);
process.exitCode = failed.length === 0 ? 0 : 1;
