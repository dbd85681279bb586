import * as os from 'node:os';
import * as path from 'node:path';

/**
 * Where the CLI keeps its V8 code cache: `$GWHTTP_CODE_CACHE_DIR`, else `$XDG_CACHE_HOME/gwhttp/v8`,
 * else `~/.cache/gwhttp/v8` (a per-user folder, not the shared temp folder: cached bytecode is run).
 * Null, no cache, when `GWHTTP_NO_CODE_CACHE` or Node's own `NODE_DISABLE_COMPILE_CACHE` is set.
 */
export function codeCacheDirectory(
  env: Record<string, string | undefined>,
  homeDirectory: () => string = os.homedir,
): string | null {
  if (env.GWHTTP_NO_CODE_CACHE || env.NODE_DISABLE_COMPILE_CACHE) return null;
  if (env.GWHTTP_CODE_CACHE_DIR) return path.resolve(env.GWHTTP_CODE_CACHE_DIR);
  if (env.XDG_CACHE_HOME && path.isAbsolute(env.XDG_CACHE_HOME)) return path.join(env.XDG_CACHE_HOME, 'gwhttp', 'v8');
  let home: string;
  try {
    home = homeDirectory();
  } catch {
    return null;
  }
  return home ? path.join(home, '.cache', 'gwhttp', 'v8') : null;
}
