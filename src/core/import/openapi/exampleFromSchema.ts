import { isRecord, type JsonRecord } from '../jsonValues';

const maxDepth = 8;

/** The schemas being expanded, outermost first: a schema met again inside itself (circular) gives null. */
type Path = readonly JsonRecord[];

const stringFormats: Record<string, string> = {
  'date-time': '2024-01-01T00:00:00Z',
  date: '2024-01-01',
  time: '00:00:00',
  email: 'user@example.com',
  uuid: '3fa85f64-5717-4562-b3fc-2c963f66afa6',
  uri: 'https://example.com',
  url: 'https://example.com',
  hostname: 'example.com',
  ipv4: '192.0.2.1',
  byte: 'U3dhZ2dlcg==',
};

/** The schema's own example: `example`, the first of `examples`, `default`, `const` or the first `enum` value. */
export function declaredExample(schema: JsonRecord): { value: unknown } | null {
  if ('example' in schema) return { value: schema.example };
  if (Array.isArray(schema.examples) && schema.examples.length > 0) return { value: schema.examples[0] };
  if ('default' in schema) return { value: schema.default };
  if ('const' in schema) return { value: schema.const };
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return { value: schema.enum[0] };
  return null;
}

function typeOf(schema: JsonRecord): string | null {
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  if (typeof type === 'string') return type;
  if (isRecord(schema.properties)) return 'object';
  return isRecord(schema.items) ? 'array' : null;
}

function objectExample(schema: JsonRecord, path: Path): JsonRecord {
  const out: JsonRecord = {};
  const properties = isRecord(schema.properties) ? schema.properties : {};
  for (const [name, property] of Object.entries(properties)) {
    if (isRecord(property) && property.readOnly === true) continue;
    out[name] = exampleFromSchema(property, path);
  }
  return out;
}

function combinedExample(schema: JsonRecord, path: Path): unknown {
  if (Array.isArray(schema.allOf)) {
    const parts = schema.allOf.map((part) => exampleFromSchema(part, path));
    const objects = parts.filter(isRecord);
    return objects.length > 0 ? Object.assign({}, ...objects) : (parts[0] ?? null);
  }
  const choices = Array.isArray(schema.oneOf) ? schema.oneOf : Array.isArray(schema.anyOf) ? schema.anyOf : null;
  return choices ? exampleFromSchema(choices[0], path) : undefined;
}

/**
 * An example value for a JSON Schema (OpenAPI's dialect): the schema's own example where it has
 * one, else one built from its type, properties and items, as Swagger UI shows it. A `$ref` left
 * unresolved, a schema inside itself (circular) or nesting deeper than 8 levels gives null.
 */
export function exampleFromSchema(schema: unknown, outer: Path = []): unknown {
  if (!isRecord(schema) || outer.length > maxDepth || '$ref' in schema || outer.includes(schema)) return null;
  const path = [...outer, schema];
  const declared = declaredExample(schema);
  if (declared) return declared.value;
  const combined = combinedExample(schema, path);
  if (combined !== undefined) return combined;
  switch (typeOf(schema)) {
    case 'object':
      return objectExample(schema, path);
    case 'array':
      return [exampleFromSchema(schema.items, path)];
    case 'string':
      return stringFormats[typeof schema.format === 'string' ? schema.format : ''] ?? 'string';
    case 'integer':
    case 'number':
      return typeof schema.minimum === 'number' ? schema.minimum : 0;
    case 'boolean':
      return true;
    default:
      return null;
  }
}
