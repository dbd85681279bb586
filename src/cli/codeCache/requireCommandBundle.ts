import * as path from 'node:path';

import { codeCacheDirectory } from './codeCacheDirectory';
import { requireWithCodeCache } from './requireWithCodeCache';

/**
 * How the built `dist/cli.js` loads a subcommand: its own bundle in `dist/cli/NAME.js`, with the code
 * cache. esbuild.mjs puts this in place of `src/cli/main.ts`'s `require('./commands/…')`; from source
 * (tests, tsx) main.ts requires the command modules directly.
 */
export function requireCommandBundle(distDirectory: string, name: string): unknown {
  return requireWithCodeCache(path.join(distDirectory, 'cli', `${name}.js`), codeCacheDirectory(process.env));
}
