import { curlEscape } from '../curl/curlBody';
import { arrayAt, isRecord, type JsonRecord, recordAt, textAt } from '../jsonValues';
import { formContentType, type FormPart, multipartBody } from '../multipartBody';
import { exampleFromSchema } from './exampleFromSchema';
import { exampleText } from './openApiParameters';

/** An example body with its Content-Type. */
export interface ExampleBody {
  contentType: string;
  body: string;
}

function preferredType(types: string[]): string | undefined {
  return (
    types.find((t) => /^application\/(.+\+)?json/i.test(t)) ??
    types.find((t) => /x-www-form-urlencoded/i.test(t)) ??
    types.find((t) => /multipart\/form-data/i.test(t)) ??
    types[0]
  );
}

function formBody(value: unknown, schema: unknown, warn: (message: string) => void): string {
  const properties = recordAt(schema, 'properties') ?? {};
  const parts: FormPart[] = Object.entries(isRecord(value) ? value : {}).map(([name, field]) => {
    const binary = textAt(properties[name], 'format') === 'binary' || textAt(properties[name], 'type') === 'file';
    if (binary) warn(`The form field "${name}" is a file: the body sends ./${name}.bin, change the path after "<".`);
    return {
      name,
      value: exampleText(field),
      file: binary ? `./${name}.bin` : null,
      upload: binary,
      fileName: null,
      contentType: null,
    };
  });
  return multipartBody(parts);
}

/** An example value written for its media type: JSON pretty-printed, forms encoded, text as it is. */
function bodyText(contentType: string, value: unknown, schema: unknown, warn: (message: string) => void): string {
  if (/json/i.test(contentType)) return JSON.stringify(value ?? null, null, 2);
  if (/x-www-form-urlencoded/i.test(contentType)) {
    return Object.entries(isRecord(value) ? value : {})
      .map(([key, field]) => `${curlEscape(key)}=${curlEscape(exampleText(field))}`)
      .join('&');
  }
  if (/multipart\/form-data/i.test(contentType)) return formBody(value, schema, warn);
  if (typeof value !== 'string') warn(`No ${contentType} example is given; write the body yourself.`);
  return typeof value === 'string' ? value : '';
}

function mediaExample(media: JsonRecord): unknown {
  if ('example' in media) return media.example;
  const examples = recordAt(media, 'examples');
  const first = examples ? Object.values(examples).find(isRecord) : undefined;
  if (first && 'value' in first) return first.value;
  return exampleFromSchema(media.schema);
}

/** OpenAPI 3.x: the `requestBody`'s example for its preferred media type (JSON first). */
function requestBodyExample(operation: JsonRecord, warn: (message: string) => void): ExampleBody | null {
  const content = recordAt(recordAt(operation, 'requestBody'), 'content');
  const contentType = preferredType(Object.keys(content ?? {}));
  const media = contentType ? recordAt(content, contentType) : null;
  if (!contentType || !media) return null;
  return { contentType, body: bodyText(contentType, mediaExample(media), media.schema, warn) };
}

/** Swagger 2.0: the `in: body` parameter's schema example, or the `formData` parameters as a form. */
function swaggerBodyExample(
  operation: JsonRecord,
  document: JsonRecord,
  warn: (message: string) => void,
): ExampleBody | null {
  const parameters = arrayAt(operation, 'parameters').filter(isRecord);
  const consumes = [...arrayAt(operation, 'consumes'), ...arrayAt(document, 'consumes')].filter(
    (t): t is string => typeof t === 'string',
  );
  const body = parameters.find((p) => textAt(p, 'in') === 'body');
  if (body) {
    const contentType = preferredType(consumes) ?? 'application/json';
    const schema = recordAt(body, 'schema');
    const value = 'x-example' in body ? body['x-example'] : exampleFromSchema(schema);
    return { contentType, body: bodyText(contentType, value, schema, warn) };
  }
  const fields = parameters.filter((p) => textAt(p, 'in') === 'formData');
  if (fields.length === 0) return null;
  const multipart = fields.some((p) => textAt(p, 'type') === 'file') || consumes.some((t) => /multipart/i.test(t));
  const value = Object.fromEntries(fields.map((p) => [textAt(p, 'name') ?? '', exampleFromSchema(p)]));
  const schema = { properties: Object.fromEntries(fields.map((p) => [textAt(p, 'name') ?? '', p])) };
  const contentType = multipart ? 'multipart/form-data' : 'application/x-www-form-urlencoded';
  const text = bodyText(contentType, value, schema, warn);
  return { contentType: multipart ? formContentType : contentType, body: text };
}

/** The operation's example body, or null when it takes none. */
export function operationBody(
  operation: JsonRecord,
  document: JsonRecord,
  warn: (message: string) => void,
): ExampleBody | null {
  const example =
    textAt(document, 'swagger') !== null
      ? swaggerBodyExample(operation, document, warn)
      : requestBodyExample(operation, warn);
  if (example && /multipart\/form-data/i.test(example.contentType)) return { ...example, contentType: formContentType };
  return example;
}
