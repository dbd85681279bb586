/** The `gwhttp.httpFiles` setting: who serves `.http`/`.rest` files (language id `http`). */
export type HttpFilesMode = 'auto' | 'always' | 'never';

/** Other extensions that serve `http` files with their own Send Request lenses, by id. */
export const otherHttpExtensions: ReadonlyMap<string, string> = new Map([
  ['humao.rest-client', 'REST Client'],
  ['anweber.vscode-httpyac', 'httpYac'],
]);

export interface HttpFilesDecision {
  /** True when gwhttp gives `http` files its lenses, diagnostics, completion, outline… */
  served: boolean;
  /** The other extension gwhttp steps back for (`auto` only), by display name, or null. */
  yieldedTo: string | null;
}

/** Reads a setting value; anything unknown counts as the default, `auto`. */
export function httpFilesMode(value: unknown): HttpFilesMode {
  return value === 'always' || value === 'never' ? value : 'auto';
}

/**
 * `always` serves `http` files, `never` does not, `auto` serves them unless REST Client or httpYac is
 * installed and enabled (so nobody gets two rows of identical lenses).
 */
export function decideHttpFiles(mode: HttpFilesMode, installedIds: readonly string[]): HttpFilesDecision {
  if (mode !== 'auto') return { served: mode === 'always', yieldedTo: null };
  const other = installedIds.map((id) => otherHttpExtensions.get(id.toLowerCase())).find((name) => name);
  return other ? { served: false, yieldedTo: other } : { served: true, yieldedTo: null };
}
