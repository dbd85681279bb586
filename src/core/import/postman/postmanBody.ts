import type { HeaderField } from '../../model/outgoing';
import { curlEscape } from '../curl/curlBody';
import { arrayAt, isRecord, recordAt, textAt } from '../jsonValues';
import { formContentType, type FormPart, multipartBody } from '../multipartBody';

/** A body with the Content-Type Postman would add for it (null when the request sets its own or there is none). */
export interface PostmanBody {
  body: string | null;
  contentType: string | null;
}

const rawLanguages: Record<string, string> = {
  json: 'application/json',
  xml: 'application/xml',
  html: 'text/html',
  text: 'text/plain',
  javascript: 'application/javascript',
};

/** URL-encodes a form value but keeps `{{variables}}` as they are. */
function encodeKeepingVariables(value: string): string {
  return value
    .split(/(\{\{[^}]*\}\})/)
    .map((piece) => (piece.startsWith('{{') ? piece : curlEscape(piece)))
    .join('');
}

function enabled(list: unknown[]): Record<string, unknown>[] {
  return list.filter((entry): entry is Record<string, unknown> => isRecord(entry) && entry.disabled !== true);
}

function fileSource(entry: unknown): string | null {
  const src = isRecord(entry) ? entry.src : undefined;
  if (Array.isArray(src)) return typeof src[0] === 'string' ? src[0] : null;
  return typeof src === 'string' && src !== '' ? src : null;
}

function formParts(entries: Record<string, unknown>[], warn: (message: string) => void): FormPart[] {
  return entries.map((entry) => {
    const isFile = textAt(entry, 'type') === 'file';
    const file = isFile ? fileSource(entry) : null;
    if (isFile && file === null) {
      warn(`The form-data file "${textAt(entry, 'key')}" names no file; set its path after "<".`);
    }
    return {
      name: textAt(entry, 'key') ?? '',
      value: textAt(entry, 'value') ?? '',
      file: isFile ? (file ?? 'FILE') : null,
      upload: isFile,
      fileName: null,
      contentType: textAt(entry, 'contentType'),
    };
  });
}

function parseVariables(text: string | null, warn: (message: string) => void): unknown {
  try {
    return text ? (JSON.parse(text) as unknown) : {};
  } catch {
    warn('The GraphQL variables are not JSON; they are left out.');
    return {};
  }
}

/** A Postman request body (raw, urlencoded, form-data, file, GraphQL) as request-file text. */
export function postmanBody(body: unknown, warn: (message: string) => void): PostmanBody {
  if (!isRecord(body) || body.disabled === true) return { body: null, contentType: null };
  const mode = textAt(body, 'mode');
  if (mode === 'raw') {
    const language = textAt(recordAt(recordAt(body, 'options'), 'raw'), 'language');
    return { body: textAt(body, 'raw'), contentType: language ? (rawLanguages[language] ?? null) : null };
  }
  if (mode === 'urlencoded') {
    const pairs = enabled(arrayAt(body, 'urlencoded')).map(
      (e) => `${encodeKeepingVariables(textAt(e, 'key') ?? '')}=${encodeKeepingVariables(textAt(e, 'value') ?? '')}`,
    );
    return { body: pairs.join('&'), contentType: 'application/x-www-form-urlencoded' };
  }
  if (mode === 'formdata') {
    return { body: multipartBody(formParts(enabled(arrayAt(body, 'formdata')), warn)), contentType: formContentType };
  }
  if (mode === 'file') {
    const src = textAt(recordAt(body, 'file'), 'src');
    return { body: src ? `< ${src}` : null, contentType: null };
  }
  if (mode === 'graphql') {
    const graphql = recordAt(body, 'graphql');
    const variables = textAt(graphql, 'variables');
    const json = { query: textAt(graphql, 'query') ?? '', variables: parseVariables(variables, warn) };
    return { body: JSON.stringify(json, null, 2), contentType: 'application/json' };
  }
  if (mode !== null) warn(`The body mode "${mode}" is not known; the body is left out.`);
  return { body: null, contentType: null };
}

/** Adds the body's Content-Type unless the request already sets one. */
export function withContentType(headers: HeaderField[], contentType: string | null): HeaderField[] {
  if (contentType === null || headers.some((h) => h.name.toLowerCase() === 'content-type')) return headers;
  return [...headers, { name: 'Content-Type', value: contentType }];
}
