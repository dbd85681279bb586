/**
 * The import code (YAML, OpenAPI `$ref`s, shell words) is a bundle of its own, dist/import.js,
 * required only when an import command runs, so activation and sending never load it
 * (esbuild.mjs maps this require to `./import.js`).
 */
export type Importer = typeof import('../../core/import');

export function loadImporter(): Importer {
  return require('../../core/import') as Importer;
}
