// Mocha runner for the extension-host tests: the `run(): Promise<void>` contract shared by
// tools/vscode-host (code-server) and @vscode/test-electron. Runs every *.test.js next to this file
// (bundled from test/integration/suite/**/*.test.ts), bdd style like the unit tests.
// Env: VSX_GREP filters by full title; VSX_TEST_RESULT_FILE receives {passed, failed, pending} as JSON;
// NODE_V8_COVERAGE makes it flush coverage before the host is killed.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as v8 from 'node:v8';

import Mocha from 'mocha';

interface Counts {
  passed: number;
  failed: number;
  pending: number;
}

function testFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true })
    .filter((f): f is string => typeof f === 'string' && f.endsWith('.test.js'))
    .map((f) => path.join(dir, f))
    .sort();
}

function runMocha(mocha: Mocha): Promise<Counts> {
  return new Promise((resolve) => {
    const counts: Counts = { passed: 0, failed: 0, pending: 0 };
    const runner = mocha.run(() => resolve(counts));
    runner.on('pass', () => counts.passed++);
    runner.on('fail', () => counts.failed++);
    runner.on('pending', () => counts.pending++);
  });
}

export async function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, reporter: 'spec', timeout: 30_000 });
  if (process.env.VSX_GREP) mocha.grep(process.env.VSX_GREP);
  const files = testFiles(__dirname);
  for (const file of files) mocha.addFile(file);
  const counts = await runMocha(mocha);
  if (process.env.VSX_TEST_RESULT_FILE) {
    fs.writeFileSync(process.env.VSX_TEST_RESULT_FILE, JSON.stringify(counts));
  }
  if (process.env.NODE_V8_COVERAGE) v8.takeCoverage();
  if (files.length === 0 || (!process.env.VSX_GREP && counts.passed + counts.failed === 0)) {
    throw new Error(`no extension-host test ran (files: ${files.length})`);
  }
  if (counts.failed > 0) throw new Error(`${counts.failed} extension-host test(s) failed`);
}
