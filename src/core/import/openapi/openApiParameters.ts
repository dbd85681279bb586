import type { HeaderField } from '../../model/outgoing';
import { arrayAt, isRecord, type JsonRecord, recordAt, textAt } from '../jsonValues';
import { declaredExample, exampleFromSchema } from './exampleFromSchema';

/** What an operation's path, query, header and cookie parameters add, with a variable for each. */
export interface ParameterParts {
  path: string;
  query: string[];
  headers: HeaderField[];
  variables: { name: string; value: string }[];
}

/** A value as it goes into a URL, header or variable: arrays joined with `,`, objects as JSON. */
export function exampleText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(exampleText).join(',');
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** The parameter's own example (`example`, `examples`, Swagger's `x-example`, or its schema's), or null. */
function declaredParameterExample(parameter: JsonRecord): { value: unknown } | null {
  if ('example' in parameter) return { value: parameter.example };
  const examples = recordAt(parameter, 'examples');
  const first = examples ? Object.values(examples).find(isRecord) : undefined;
  if (first && 'value' in first) return { value: first.value };
  if ('x-example' in parameter) return { value: parameter['x-example'] };
  const schema = recordAt(parameter, 'schema') ?? parameter;
  return declaredExample(schema);
}

function variableName(name: string): string {
  return name.replace(/[^\w.-]+/g, '_');
}

/** Path-level parameters, overridden by the operation's own of the same name and place. */
function mergedParameters(pathItem: JsonRecord, operation: JsonRecord): JsonRecord[] {
  const byKey = new Map<string, JsonRecord>();
  for (const parameter of [...arrayAt(pathItem, 'parameters'), ...arrayAt(operation, 'parameters')]) {
    if (isRecord(parameter)) byKey.set(`${textAt(parameter, 'in')}:${textAt(parameter, 'name')}`, parameter);
  }
  return [...byKey.values()];
}

/**
 * The path with `{name}` as `{{name}}`, and the query parameters and headers the operation
 * requires or gives an example for, each as a `{{variable}}` holding its example (or a value made
 * from its schema).
 */
export function operationParameters(path: string, pathItem: JsonRecord, operation: JsonRecord): ParameterParts {
  const parts: ParameterParts = { path, query: [], headers: [], variables: [] };
  const cookies: string[] = [];
  for (const parameter of mergedParameters(pathItem, operation)) {
    const name = textAt(parameter, 'name');
    const place = textAt(parameter, 'in');
    if (name === null || place === null || place === 'body' || place === 'formData') continue;
    const declared = declaredParameterExample(parameter);
    if (place !== 'path' && parameter.required !== true && declared === null) continue;
    const variable = variableName(name);
    const value = declared ? declared.value : exampleFromSchema(recordAt(parameter, 'schema') ?? parameter);
    parts.variables.push({ name: variable, value: exampleText(value) });
    if (place === 'path') parts.path = parts.path.split(`{${name}}`).join(`{{${variable}}}`);
    else if (place === 'query') parts.query.push(`${name}={{${variable}}}`);
    else if (place === 'header') parts.headers.push({ name, value: `{{${variable}}}` });
    else if (place === 'cookie') cookies.push(`${name}={{${variable}}}`);
  }
  if (cookies.length > 0) parts.headers.push({ name: 'Cookie', value: cookies.join('; ') });
  return parts;
}
