import { importError } from '../importError';
import { fileSlug, requestName } from '../importNames';
import type { ImportedEnvironments, ImportedFile, ImportResult, ImportWarning } from '../importTypes';
import { arrayAt, isRecord, type JsonRecord, recordAt, textAt } from '../jsonValues';
import { addPostmanEnvironment, isPostmanEnvironment, postmanVariables } from './postmanEnvironment';
import { postmanRequest, scriptComments } from './postmanRequest';

export interface PostmanImportOptions {
  /** Shown in messages (the input's path). */
  source: string;
  /** One file per top-level folder (requests outside folders go into the collection's file). */
  filePerFolder: boolean;
  /** Postman environment exports to add to gwhttp.env.json, with the path of each. */
  environments: { json: unknown; source: string }[];
}

interface Walk {
  warnings: ImportWarning[];
  files: Map<string, ImportedFile>;
  names: Map<string, Set<string>>;
  defaultFile: string;
  filePerFolder: boolean;
}

function fileFor(walk: Walk, path: string): ImportedFile {
  let file = walk.files.get(path);
  if (!file) {
    file = { path, variables: [], requests: [] };
    walk.files.set(path, file);
    walk.names.set(path, new Set());
  }
  return file;
}

function walkItems(walk: Walk, items: unknown[], folders: string[], auth: JsonRecord | null, filePath: string): void {
  for (const item of items) {
    if (!isRecord(item)) continue;
    const name = textAt(item, 'name') ?? 'request';
    const itemAuth = recordAt(item, 'auth');
    const inForce = itemAuth === null || textAt(itemAuth, 'type') === 'inherit' ? auth : itemAuth;
    if (Array.isArray(item.item)) {
      const topLevel = folders.length === 0 && walk.filePerFolder;
      const path = topLevel ? `${fileSlug(name, 'folder')}.gwhttp` : filePath;
      if (scriptComments(arrayAt(item, 'event')).length > 0) {
        walk.warnings.push({
          where: `folder "${[...folders, name].join(' / ')}"`,
          message: "The folder's scripts are not run.",
        });
      }
      walkItems(walk, item.item, topLevel ? [] : [...folders, name], inForce, path);
      continue;
    }
    const title = [...folders, name].join(' / ');
    const file = fileFor(walk, filePath);
    const request = postmanRequest(item, title, inForce, walk.warnings);
    request.name = requestName(name, walk.names.get(filePath) ?? new Set());
    file.requests.push(request);
  }
}

function checkVersion(json: unknown, source: string): JsonRecord {
  const hint = 'In Postman: Export the collection as "Collection v2.1", then import that file.';
  if (isPostmanEnvironment(json)) {
    throw importError(
      source,
      `${source} is a Postman environment, not a collection`,
      'Pass the collection, and the environment with --env.',
    );
  }
  const schema = textAt(recordAt(json, 'info'), 'schema');
  if (!isRecord(json) || (schema === null && !Array.isArray(json.requests))) {
    throw importError(source, `${source} is not a Postman collection (no info.schema)`, hint);
  }
  if (schema === null) {
    throw importError(source, `${source} is a Postman Collection v1 file; gwhttp imports v2.1`, hint);
  }
  const version = /collection\/v(\d+(?:\.\d+)*)/.exec(schema)?.[1] ?? schema;
  if (!/^2\.1(\.|$)/.test(version)) {
    throw importError(source, `${source} is a Postman Collection v${version} file; gwhttp imports v2.1`, hint);
  }
  return json;
}

/**
 * A Postman Collection v2.1 as request files: folders become title prefixes (or files of their own),
 * collection variables the `$shared` environment, each environment export an environment.
 */
export function importPostman(json: unknown, options: PostmanImportOptions): ImportResult {
  const collection = checkVersion(json, options.source);
  const title = textAt(recordAt(collection, 'info'), 'name') ?? 'collection';
  const walk: Walk = {
    warnings: [],
    files: new Map(),
    names: new Map(),
    defaultFile: `${fileSlug(title, 'collection')}.gwhttp`,
    filePerFolder: options.filePerFolder,
  };
  if (scriptComments(arrayAt(collection, 'event')).length > 0) {
    walk.warnings.push({ where: 'the collection', message: "The collection's scripts are not run." });
  }
  walkItems(walk, arrayAt(collection, 'item'), [], recordAt(collection, 'auth'), walk.defaultFile);
  const environments: ImportedEnvironments = {};
  const shared = postmanVariables(arrayAt(collection, 'variable'), 'the collection variables', walk.warnings);
  if (Object.keys(shared).length > 0) environments.$shared = shared;
  for (const environment of options.environments) {
    addPostmanEnvironment(environment.json, environment.source, environments, walk.warnings);
  }
  const files = [...walk.files.values()];
  if (files.length === 0) walk.warnings.push({ where: options.source, message: 'The collection holds no request.' });
  return { files, environments: Object.keys(environments).length > 0 ? environments : null, warnings: walk.warnings };
}
