import { dirname, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

import { $RefParser, type FileInfo } from '@apidevtools/json-schema-ref-parser';
import { isMap, isSeq, LineCounter, parse as parseYaml, parseDocument } from 'yaml';

import type { FileReader } from '../../ports';
import { importError } from '../importError';
import type { ImportWarning } from '../importTypes';
import { isRecord, type JsonRecord } from '../jsonValues';

/** An OpenAPI/Swagger document read, its `$ref`s resolved where they resolve. */
export interface LoadedOpenApi {
  document: JsonRecord;
  /** `$ref`s that did not resolve (their place is null in `document`), each naming where it was. */
  warnings: ImportWarning[];
  /** 1-based line of a place in the input (its JSON path), when known. */
  lineOf(path: (string | number)[]): number | undefined;
}

/** Reads the text as YAML (JSON is YAML too), keeping positions; a syntax error is an import error with its line. */
function readTree(text: string, source: string): { value: unknown; lineOf: LoadedOpenApi['lineOf'] } {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, uniqueKeys: false, prettyErrors: false });
  const error = document.errors[0];
  if (error) {
    const line = lineCounter.linePos(error.pos[0]).line;
    throw importError(
      source,
      `${source} is neither JSON nor YAML: ${error.message.split('\n')[0]}`,
      'Fix the syntax at that line, then import again.',
      { where: source, line },
    );
  }
  const lineOf = (path: (string | number)[]) => {
    const node: unknown = document.getIn(path, true);
    const range = (node as { range?: [number, number, number] } | undefined)?.range;
    if (range) return lineCounter.linePos(range[0]).line;
    const parent: unknown = path.length > 0 ? document.getIn(path.slice(0, -1), true) : undefined;
    return isMap(parent) || isSeq(parent)
      ? parent.range
        ? lineCounter.linePos(parent.range[0]).line
        : undefined
      : undefined;
  };
  return { value: document.toJS({ maxAliasCount: 1000 }) as unknown, lineOf };
}

function resolverFor(fileReader: FileReader) {
  return {
    order: 1,
    canRead: (file: FileInfo) => !/^https?:/i.test(file.url),
    read: async (file: FileInfo) => {
      const path = file.url.startsWith('file:') ? fileURLToPath(file.url) : decodeURIComponent(file.url);
      return Buffer.from(await fileReader.readFile(path));
    },
  };
}

const yamlParser = {
  order: 100,
  canParse: /\.ya?ml$/i,
  parse: (file: FileInfo) => parseYaml(Buffer.from(file.data).toString('utf8')) as unknown,
};

interface RefError {
  message: string;
  path?: (string | number)[] | null;
  source?: string;
}

function refWarnings(error: unknown, loaded: Pick<LoadedOpenApi, 'lineOf'>, folder: string): ImportWarning[] {
  const errors: RefError[] = isRecord(error) && Array.isArray(error.errors) ? (error.errors as RefError[]) : [];
  if (errors.length === 0) {
    const message = error instanceof Error ? error.message : String(error);
    return [{ where: 'the document', message: `The $refs could not be resolved, so they are left out: ${message}` }];
  }
  return errors.map((e) => {
    const path = (e.path ?? []).map((p) => (typeof p === 'string' && /^\d+$/.test(p) ? Number(p) : p));
    return {
      where: path.length > 0 ? path.join('.') : 'the document',
      line: loaded.lineOf(path),
      message: `A $ref does not resolve, so what it points to is left out: ${e.message.split(folder).join('')}`,
    };
  });
}

/**
 * Reads an OpenAPI 3.x or Swagger 2.0 document (JSON or YAML, with the `yaml` package) and resolves
 * its `$ref`s with @apidevtools/json-schema-ref-parser: local pointers and files beside it (read
 * through `fileReader`), never URLs. Circular references become circular objects; a broken one is a warning
 * naming its place, and the rest of the document is kept.
 */
export async function loadOpenApi(text: string, sourcePath: string, fileReader: FileReader): Promise<LoadedOpenApi> {
  const tree = readTree(text, sourcePath);
  if (!isRecord(tree.value)) {
    throw importError(
      sourcePath,
      `${sourcePath} is not an OpenAPI document (its top level is not an object)`,
      'Import an OpenAPI 3.x or Swagger 2.0 file.',
    );
  }
  const parser = new $RefParser();
  const options = {
    continueOnError: true,
    dereference: { circular: true },
    resolve: { file: false, http: false, gwhttp: resolverFor(fileReader) },
    parse: { yaml: yamlParser },
  };
  let warnings: ImportWarning[] = [];
  try {
    await parser.dereference(sourcePath, tree.value, options);
  } catch (error) {
    warnings = refWarnings(error, tree, `${dirname(sourcePath)}${sep}`);
  }
  const document = isRecord(parser.schema) ? parser.schema : tree.value;
  return { document, warnings, lineOf: tree.lineOf };
}
