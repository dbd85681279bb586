/**
 * Runs a Node process to its end without blocking the benchmark's event loop (the server lives there),
 * and reports the CPU time the process used (user + system, ms): on a shared machine the wall time
 * of a process mostly measures the other processes, its CPU time measures its own work. The child
 * writes it at exit from a preloaded script (`--require`), so neither side is changed for it.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const cpuReporter = `process.on('exit', () => {
  const usage = process.cpuUsage();
  require('node:fs').writeFileSync(process.env.GWHTTP_BENCH_CPU_FILE, String((usage.user + usage.system) / 1000));
});
`;

/** A runner for Node processes whose CPU reports go to files in `dir`. */
export function nodeRunner(dir: string): (args: string[], env: Record<string, string>) => Promise<number> {
  const reporter = path.join(dir, 'cpuReporter.js');
  fs.writeFileSync(reporter, cpuReporter);
  const cpuFile = path.join(dir, 'cpu.txt');
  return (args, env) =>
    new Promise((resolve, reject) => {
      const child = spawn(process.execPath, ['--require', reporter, ...args], {
        env: { ...process.env, ...env, GWHTTP_BENCH_CPU_FILE: cpuFile },
        stdio: 'ignore',
      });
      child.on('error', reject);
      child.on('exit', (code) => {
        if (code !== 0) reject(new Error(`${args.join(' ')} exited with ${code}`));
        else resolve(Number(fs.readFileSync(cpuFile, 'utf8')));
      });
    });
}
