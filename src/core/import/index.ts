/**
 * What the front ends use of import. The extension loads this module (bundled as dist/import.js,
 * with YAML, $ref and shell-word parsing) only when an import command runs.
 */
export { curlAsText } from './curl/importCurl';
export type { ImportWarning } from './importTypes';
export type { ImportInput, ImportKind, ImportPlan, PlannedFile } from './planImport';
export { environmentFileName, planImport } from './planImport';
export { isPostmanEnvironment } from './postman/postmanEnvironment';
