import * as path from 'node:path';

import { LineCounter, parseDocument } from 'yaml';

import type { FileReader } from '../ports';
import { checkRendered } from './checkRendered';
import { importCurl } from './curl/importCurl';
import { importError } from './importError';
import type { ImportedEnvironments, ImportResult, ImportWarning } from './importTypes';
import { isRecord } from './jsonValues';
import { importOpenApi } from './openapi/importOpenApi';
import { importPostman } from './postman/importPostman';
import { renderRequestFile } from './renderRequestFile';

export const importKinds = ['curl', 'postman', 'openapi'] as const;
export type ImportKind = (typeof importKinds)[number];

export interface ImportInput {
  kind: ImportKind;
  /** Absolute path of the input (for messages, and `$ref`s relative to it); any name for pasted text. */
  inputPath: string;
  text: string;
  /** Absolute path of the request file to write, or of the folder to write into. */
  output: string;
  /** `output` is a folder: Postman then writes one file per top-level folder. */
  outputIsFolder: boolean;
  /** Postman environment exports (path and text) to add to gwhttp.env.json. */
  environments: { path: string; text: string }[];
  fileReader: FileReader;
}

/** A file the import writes: where, its text, whether it is there already, how many requests it holds. */
export interface PlannedFile {
  path: string;
  text: string;
  exists: boolean;
  requests: number;
}

export interface ImportPlan {
  files: PlannedFile[];
  warnings: ImportWarning[];
}

export const environmentFileName = 'gwhttp.env.json';

/** The line of the first syntax error, found with the `yaml` parser (JSON is YAML; Node's JSON errors may name no position). */
function syntaxErrorLine(text: string): number | undefined {
  const lineCounter = new LineCounter();
  const error = parseDocument(text, { lineCounter, prettyErrors: false }).errors[0];
  return error ? lineCounter.linePos(error.pos[0]).line : undefined;
}

function parseJson(text: string, source: string, hint = 'Export the file again from Postman.'): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
  } catch (error) {
    const line = syntaxErrorLine(text);
    throw importError(source, `${source} is not valid JSON: ${(error as Error).message.split('\n')[0]}`, hint, {
      where: 'JSON syntax',
      line,
    });
  }
}

async function convert(input: ImportInput): Promise<ImportResult> {
  const base = path.basename(input.output);
  if (input.kind === 'curl') {
    return importCurl(input.text, input.outputIsFolder ? 'curl.gwhttp' : base, input.inputPath);
  }
  if (input.kind === 'openapi') return importOpenApi(input.text, input.inputPath, input.fileReader);
  return importPostman(parseJson(input.text, input.inputPath), {
    source: input.inputPath,
    filePerFolder: input.outputIsFolder,
    environments: input.environments.map((e) => ({ json: parseJson(e.text, e.path), source: e.path })),
  });
}

async function mergedEnvironments(
  file: string,
  imported: ImportedEnvironments,
  reader: FileReader,
): Promise<PlannedFile> {
  const exists = await reader.exists(file);
  const current: unknown = exists
    ? parseJson(Buffer.from(await reader.readFile(file)).toString('utf8'), file, 'Fix the environment file first.')
    : {};
  if (!isRecord(current)) {
    throw importError(file, `${file} is not an object of environments`, 'Fix or move the file, then import again.');
  }
  const merged: Record<string, unknown> = { ...current };
  for (const [name, values] of Object.entries(imported)) {
    merged[name] = { ...(isRecord(current[name]) ? current[name] : {}), ...values };
  }
  return { path: file, text: `${JSON.stringify(merged, null, 2)}\n`, exists, requests: 0 };
}

/**
 * Everything one import writes, without writing it: each request file's text (read back by the
 * parser to warn about anything that would not be sent as imported) and gwhttp.env.json merged
 * into the one already there. The CLI and the editor decide what to do about existing files.
 */
export async function planImport(input: ImportInput): Promise<ImportPlan> {
  const result = await convert(input);
  const folder = input.outputIsFolder ? input.output : path.dirname(input.output);
  const header = [`Imported from ${path.basename(input.inputPath)} by gwhttp import ${input.kind}.`];
  const warnings = [...result.warnings];
  const files: PlannedFile[] = [];
  for (const file of result.files) {
    const target = input.outputIsFolder ? path.join(folder, file.path) : input.output;
    const text = renderRequestFile(file, header);
    warnings.push(...checkRendered({ ...file, path: path.basename(target) }, text));
    files.push({ path: target, text, exists: await input.fileReader.exists(target), requests: file.requests.length });
  }
  if (!input.outputIsFolder && result.files.length > 1) {
    throw importError(input.inputPath, 'The import makes several files', 'Give --out a folder.');
  }
  if (result.environments) {
    files.push(await mergedEnvironments(path.join(folder, environmentFileName), result.environments, input.fileReader));
  }
  return { files, warnings };
}
