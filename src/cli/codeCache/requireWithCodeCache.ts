/**
 * Loads a CommonJS bundle with a V8 code cache, as Node 22's `module.enableCompileCache` does for every
 * module. A cold `gwhttp send` spends a noticeable part of its time compiling the send bundle's
 * functions; with the cache, V8 takes their bytecode from disk instead.
 *
 * The cache file is named by the bundle's content hash, the Node version and the architecture, and V8
 * itself rejects data from another V8 build or flag set, so stale data is never used: the bundle is
 * compiled as usual and the cache rewritten. The cache is written when the process exits, so it holds
 * the functions the command actually ran (data produced at compile time holds only the top level).
 * Every failure to read or write the cache is ignored: it only ever costs the speed-up.
 */
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import type * as nodeModuleTypes from 'node:module';
import * as path from 'node:path';
import * as vm from 'node:vm';

type ModuleWrapper = (
  exports: unknown,
  require: NodeJS.Require,
  module: { exports: unknown },
  filename: string,
  dirname: string,
) => void;

/** Node ≥ 22.1 has its own compile cache for every CommonJS module; older versions do not. */
type NodeModuleWithCompileCache = typeof nodeModuleTypes & { enableCompileCache?: (directory?: string) => unknown };

/**
 * The CommonJS `Module` class, taken from this module's own object: `require('node:module')` is the
 * same class but also loads Node's ESM loader and source-map support, which a CLI run never needs.
 */
const nodeModule = module.constructor as unknown as NodeModuleWithCompileCache;

/** Registers work to run when the process exits (tests pass their own). */
export type AtExit = (action: () => void) => void;

const processAtExit: AtExit = (action) => process.once('exit', action);

export function requireWithCodeCache(file: string, directory: string | null, atExit: AtExit = processAtExit): unknown {
  const requireFromFile = nodeModule.createRequire(file);
  if (directory === null) return requireFromFile(file);
  const builtinCache = nodeModule.enableCompileCache;
  if (typeof builtinCache === 'function') {
    builtinCache(directory);
    return requireFromFile(file);
  }
  const source = fs.readFileSync(file, 'utf8');
  const bundleName = path.basename(file, '.js');
  const cacheFile = path.join(directory, cacheFileName(bundleName, source));
  const cachedData = readIfPresent(cacheFile);
  const script = new vm.Script(wrap(source), { filename: file, cachedData });
  const module = { exports: {} as unknown };
  (script.runInThisContext() as ModuleWrapper).call(
    module.exports,
    module.exports,
    requireFromFile,
    module,
    file,
    path.dirname(file),
  );
  if (cachedData === undefined || script.cachedDataRejected === true) {
    atExit(() => writeCache(script, directory, bundleName, cacheFile));
  }
  return module.exports;
}

/** The same wrapper as Node's CommonJS loader, on one line so line numbers in stack traces stay true. */
function wrap(source: string): string {
  return `(function (exports, require, module, __filename, __dirname) { ${source}\n});`;
}

/** `send-<sha1 of the bundle>-<node version>-<arch>.v8cache`: a rebuilt bundle or another Node gets a new file. */
export function cacheFileName(bundleName: string, source: string): string {
  const digest = crypto.createHash('sha1').update(source).digest('hex').slice(0, 16);
  return `${bundleName}-${digest}-${process.version}-${process.arch}.v8cache`;
}

function readIfPresent(file: string): Buffer | undefined {
  try {
    return fs.readFileSync(file);
  } catch {
    return undefined;
  }
}

/** Written to a temporary name and renamed, so a concurrent run never reads half a file; older caches of the same bundle go. */
function writeCache(script: vm.Script, directory: string, bundleName: string, cacheFile: string): void {
  try {
    fs.mkdirSync(directory, { recursive: true, mode: 0o700 });
    const temporary = `${cacheFile}.${process.pid}.tmp`;
    fs.writeFileSync(temporary, script.createCachedData(), { mode: 0o600 });
    fs.renameSync(temporary, cacheFile);
    const stale = (name: string) =>
      name.startsWith(`${bundleName}-`) && name.endsWith('.v8cache') && name !== path.basename(cacheFile);
    for (const name of fs.readdirSync(directory).filter(stale)) fs.rmSync(path.join(directory, name), { force: true });
  } catch {
    // A read-only home or a full disk only costs the speed-up.
  }
}
