import { GwHttpError } from '../errors';

/** One environment file read: `{ "$shared": {…}, "<env>": { "key": "value" } }`. */
export interface EnvironmentFileContent {
  environments: Record<string, Record<string, string>>;
  /** 1-based line of each key, by environment then key (for go to definition). */
  keyLines: Record<string, Record<string, number>>;
}

/** Parses an environment file's text; bad JSON or a bad shape throws GwHttpError('file') naming the file. */
export function parseEnvironmentFile(text: string, file: string): EnvironmentFileContent {
  const source = text.replace(/^\uFEFF/, '');
  const json = parseJson(source, file);
  if (!isObject(json)) {
    throw shapeError(
      file,
      'the top level must be an object of environments, e.g. {"$shared": {}, "local": {"host": "…"}}',
    );
  }
  const environments: Record<string, Record<string, string>> = {};
  const keyLines: Record<string, Record<string, number>> = {};
  for (const [name, values] of Object.entries(json)) {
    if (!isObject(values)) throw shapeError(file, `environment "${name}" must be an object of "key": "value" pairs`);
    environments[name] = {};
    keyLines[name] = {};
    for (const [key, value] of Object.entries(values)) {
      environments[name][key] = stringifyValue(value);
      keyLines[name][key] = findKeyLine(source, name, key);
    }
  }
  return { environments, keyLines };
}

function parseJson(source: string, file: string): unknown {
  try {
    return JSON.parse(source);
  } catch (error) {
    const message = (error as Error).message;
    const position = /position (\d+)/.exec(message);
    const line = position ? lineAt(source, Number(position[1])) : 1;
    throw new GwHttpError(
      'file',
      `not valid JSON (${message})`,
      { file, line },
      { hint: 'Fix the JSON in this environment file (keys and strings in double quotes, no trailing commas).' },
    );
  }
}

function shapeError(file: string, what: string): GwHttpError {
  return new GwHttpError(
    'file',
    what,
    {
      file,
      line: 1,
    },
    { hint: 'See gwhttp.env.json in the README for the expected shape.' },
  );
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringifyValue(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === null) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let index = 0; index < offset && index < text.length; index++) {
    if (text.charCodeAt(index) === 10) line++;
  }
  return line;
}

function quotedKeyPattern(key: string): RegExp {
  const escaped = JSON.stringify(key).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`${escaped}\\s*:`, 'g');
}

/** Line of `"key":` inside the object of environment `name` (best effort: first match after it). */
function findKeyLine(text: string, name: string, key: string): number {
  const environmentPattern = quotedKeyPattern(name);
  const environmentMatch = environmentPattern.exec(text);
  const keyPattern = quotedKeyPattern(key);
  keyPattern.lastIndex = environmentMatch ? environmentPattern.lastIndex : 0;
  const keyMatch = keyPattern.exec(text);
  return lineAt(text, keyMatch ? keyMatch.index : (environmentMatch?.index ?? 0));
}
