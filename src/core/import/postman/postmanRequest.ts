import type { HeaderField } from '../../model/outgoing';
import { blankRequest, type ImportedRequest, type ImportWarning } from '../importTypes';
import { arrayAt, isRecord, type JsonRecord, recordAt, textAt } from '../jsonValues';
import { signingFromHeaders } from '../signingFromHeaders';
import { postmanAuth } from './postmanAuth';
import { postmanBody, withContentType } from './postmanBody';
import { postmanUrl } from './postmanUrl';

/** Postman dynamic variables gwhttp has under the same name. */
const knownDynamic = new Set(['$guid', '$timestamp', '$isoTimestamp', '$randomInt', '$uuid']);

function headersOf(request: JsonRecord): HeaderField[] {
  return arrayAt(request, 'header')
    .filter((h) => isRecord(h) && h.disabled !== true && textAt(h, 'key'))
    .map((h) => ({ name: textAt(h, 'key') ?? '', value: textAt(h, 'value') ?? '' }));
}

/** The lines of the scripts of an item (`event: [{listen, script: {exec}}]`), each after its kind. */
export function scriptComments(events: unknown[]): string[] {
  const lines: string[] = [];
  for (const event of events) {
    const exec = recordAt(event, 'script')?.exec;
    const code = Array.isArray(exec)
      ? exec.filter((l): l is string => typeof l === 'string')
      : typeof exec === 'string'
        ? exec.split('\n')
        : [];
    if (code.join('').trim() === '') continue;
    lines.push(
      `Postman ${textAt(event, 'listen') === 'prerequest' ? 'pre-request' : 'test'} script (not run by gwhttp):`,
    );
    lines.push(...code.map((line) => `| ${line}`));
  }
  return lines;
}

function unknownDynamicVariables(request: ImportedRequest): string[] {
  const text = [request.url, ...request.headers.map((h) => h.value), request.body ?? ''].join('\n');
  const names = [...text.matchAll(/\{\{\s*(\$\w+)/g)].map((m) => m[1]);
  return [...new Set(names.filter((name) => !knownDynamic.has(name)))];
}

function addAuth(request: ImportedRequest, auth: JsonRecord | null, warn: (message: string) => void): void {
  const mapped = postmanAuth(auth, warn);
  for (const header of mapped.headers) {
    if (!request.headers.some((h) => h.name.toLowerCase() === header.name.toLowerCase())) request.headers.push(header);
  }
  if (mapped.query.length > 0) request.url += `${request.url.includes('?') ? '&' : '?'}${mapped.query.join('&')}`;
  if (mapped.sign !== null) request.directives.push({ name: 'sign', value: mapped.sign });
}

/**
 * One Postman item with a request as an imported request: method, URL, enabled headers, body,
 * the auth in force (its own or inherited), its description and scripts as comments.
 */
export function postmanRequest(
  item: JsonRecord,
  title: string,
  inheritedAuth: JsonRecord | null,
  warnings: ImportWarning[],
): ImportedRequest {
  const where = `item "${title}"`;
  const warn = (message: string) => warnings.push({ where, message });
  const source = typeof item.request === 'string' ? { url: item.request } : (recordAt(item, 'request') ?? {});
  const request = blankRequest((textAt(source, 'method') ?? 'GET').toUpperCase(), postmanUrl(source.url));
  request.title = title;
  if (request.url === 'http://') warn('It has no URL; write one after the method.');
  request.headers = headersOf(source);
  const body = postmanBody(source.body, warn);
  request.body = body.body;
  request.headers = withContentType(request.headers, body.contentType);
  const ownAuth = recordAt(source, 'auth');
  addAuth(request, ownAuth === null || textAt(ownAuth, 'type') === 'inherit' ? inheritedAuth : ownAuth, warn);
  const signing = signingFromHeaders(request.headers, where);
  request.headers = signing.headers;
  warnings.push(...signing.warnings);
  if (signing.sign !== null) request.directives.push({ name: 'sign', value: signing.sign });
  const description = textAt(source, 'description') ?? textAt(recordAt(source, 'description'), 'content');
  if (description) request.comments.push(...description.trim().split(/\r?\n/));
  const scripts = scriptComments(arrayAt(item, 'event'));
  if (scripts.length > 0) {
    request.comments.push(...scripts);
    warn('Its scripts are not run; they are listed as comments above the request.');
  }
  const dynamic = unknownDynamicVariables(request);
  if (dynamic.length > 0) {
    warn(`Postman's dynamic variables ${dynamic.join(', ')} have no gwhttp counterpart; replace them.`);
  }
  return request;
}
