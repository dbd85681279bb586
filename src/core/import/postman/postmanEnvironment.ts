import { fileSlug } from '../importNames';
import type { ImportedEnvironments, ImportWarning } from '../importTypes';
import { arrayAt, isRecord, textAt } from '../jsonValues';

/** Postman variables (`[{key, value, type, enabled|disabled}]`) as an environment; secret ones are left out. */
export function postmanVariables(list: unknown[], where: string, warnings: ImportWarning[]): Record<string, string> {
  const values: Record<string, string> = {};
  const secrets: string[] = [];
  for (const entry of list) {
    const key = textAt(entry, 'key');
    if (key === null || !isRecord(entry) || entry.enabled === false || entry.disabled === true) continue;
    if (textAt(entry, 'type') === 'secret') secrets.push(key);
    else values[key] = textAt(entry, 'value') ?? '';
  }
  if (secrets.length > 0) {
    warnings.push({
      where,
      message: `Secret values are not written: ${secrets.join(', ')}. Put them in gwhttp.env.private.json or .env.`,
    });
  }
  return values;
}

/** A Postman environment export (`{name, values: […]}`) added to `environments` under a slug of its name. */
export function addPostmanEnvironment(
  json: unknown,
  source: string,
  environments: ImportedEnvironments,
  warnings: ImportWarning[],
): string {
  const name = fileSlug(textAt(json, 'name') ?? '', `env${Object.keys(environments).length}`);
  environments[name] = { ...environments[name], ...postmanVariables(arrayAt(json, 'values'), source, warnings) };
  return name;
}

/** True for a Postman environment export rather than a collection. */
export function isPostmanEnvironment(json: unknown): boolean {
  return isRecord(json) && Array.isArray(json.values) && !Array.isArray(json.item);
}
