import type { HeaderField } from '../model/outgoing';

/** Where an import warning or error points: a cURL argument, a Postman item, an OpenAPI JSON path (with its line when known). */
export interface ImportLocation {
  /** `argument 4`, `item "Orders / Create"`, `paths./pets.get` … */
  where: string;
  /** 1-based line in the input, when known. */
  line?: number;
}

/** Something the import could not carry over as it was, said in words; the rest of the import stands. */
export interface ImportWarning extends ImportLocation {
  message: string;
}

/** A request to be written into a request file. Header and body values may hold `{{variables}}`. */
export interface ImportedRequest {
  /** Text after `###`. */
  title: string | null;
  /** `# @name` (one word). */
  name: string | null;
  /** `# …` comment lines written above the request line (without the `# `). */
  comments: string[];
  /** `# @key value` directives (`sign`, `insecure`, `no-redirect`). */
  directives: { name: string; value: string }[];
  method: string;
  url: string;
  headers: HeaderField[];
  /** The body as written in the file (`< path` lines allowed); null for none. */
  body: string | null;
}

/** One request file to write, relative to the output folder. */
export interface ImportedFile {
  /** File name relative to the output folder, e.g. `petstore.gwhttp`. */
  path: string;
  /** `@name = value` file variables at the top. */
  variables: { name: string; value: string }[];
  requests: ImportedRequest[];
}

/** Environments for `gwhttp.env.json`: `{"$shared": {…}, "name": {…}}`. */
export type ImportedEnvironments = Record<string, Record<string, string>>;

/** What an import produces: files to write, environments (or null), and what it could not carry over. */
export interface ImportResult {
  files: ImportedFile[];
  environments: ImportedEnvironments | null;
  warnings: ImportWarning[];
}

/** An empty request to fill in. */
export function blankRequest(method: string, url: string): ImportedRequest {
  return { title: null, name: null, comments: [], directives: [], method, url, headers: [], body: null };
}
