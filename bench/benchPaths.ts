/** Where the built CLI and the project's packages are, from a benchmark run in out/bench or via tsx. */
import * as fs from 'node:fs';
import * as path from 'node:path';

function firstExisting(relative: string): string | null {
  for (const base of [path.resolve(__dirname, '..'), path.resolve(__dirname, '../..'), process.cwd()]) {
    const candidate = path.join(base, relative);
    if (fs.existsSync(candidate)) return candidate;
  }
  return null;
}

export function findCli(): string {
  const cli = firstExisting('dist/cli.js');
  if (!cli) throw new Error('dist/cli.js not found: run npm run build first');
  return cli;
}

export function findPackage(name: string): string {
  const folder = firstExisting(path.join('node_modules', name));
  if (!folder) throw new Error(`node_modules/${name} not found: run npm ci first`);
  return folder;
}
