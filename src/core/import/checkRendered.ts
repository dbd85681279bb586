import type { ParsedRequest } from '../model/document';
import { parseDocument } from '../parser/parseDocument';
import type { ImportedFile, ImportedRequest, ImportWarning } from './importTypes';

function requestLabel(request: ImportedRequest, index: number): string {
  return `request ${index + 1}${request.title ? ` "${request.title}"` : ''}`;
}

function normalizeBody(body: string | null): string {
  return (body ?? '').replace(/\r\n/g, '\n');
}

function differences(wanted: ImportedRequest, read: ParsedRequest | undefined): string[] {
  if (!read) return ['it does not read back as a request'];
  const found: string[] = [];
  if (read.method !== wanted.method.toUpperCase()) found.push(`the method reads back as ${read.method}`);
  if (read.url !== wanted.url) found.push(`the URL reads back as "${read.url}"`);
  const headers = (list: { name: string; value: string }[]) => list.map((h) => `${h.name}: ${h.value}`).join('\n');
  if (headers(read.headers) !== headers(wanted.headers)) found.push('the headers read back differently');
  const body = normalizeBody(wanted.body);
  const readBody = normalizeBody(read.body);
  if (readBody !== body) {
    found.push(
      readBody === body.replace(/\s+$/, '')
        ? 'the blank lines and line end at the end of the body are not kept (a request file trims them)'
        : 'the body reads back differently (a body line may look like a separator, a script or an assertion)',
    );
  }
  return found;
}

/**
 * Reads the written text back with the request-file parser and warns about every request that
 * would not be sent as imported, so nothing changes silently on the way into the file.
 */
export function checkRendered(file: ImportedFile, text: string): ImportWarning[] {
  const document = parseDocument(text);
  const warnings: ImportWarning[] = [];
  file.requests.forEach((request, index) => {
    const read = document.requests[index];
    for (const difference of differences(request, read)) {
      warnings.push({
        where: `${file.path}, ${requestLabel(request, index)}`,
        line: read?.line,
        message: `${difference}; check it in the file.`,
      });
    }
  });
  return warnings;
}
