import type { ImportedFile, ImportedRequest } from './importTypes';

/** A comment line; text that would read as a directive (`@name …`) is shown after `| `. */
function commentLine(text: string): string {
  if (text === '') return '#';
  return /^\s*@[A-Za-z]/.test(text) ? `# | ${text}` : `# ${text}`;
}

function requestLines(request: ImportedRequest): string[] {
  const title = request.title?.replace(/\s+/g, ' ').trim();
  const lines = [title ? `### ${title}` : '###'];
  for (const comment of request.comments) lines.push(commentLine(comment));
  if (request.name !== null) lines.push(`# @name ${request.name}`);
  for (const directive of request.directives) {
    lines.push(directive.value === '' ? `# @${directive.name}` : `# @${directive.name} ${directive.value}`);
  }
  lines.push(`${request.method} ${request.url}`);
  for (const header of request.headers) lines.push(`${header.name}: ${header.value}`);
  if (request.body !== null && request.body !== '') lines.push('', ...request.body.split(/\r\n|\n/));
  return lines;
}

/**
 * The text of a request file: file variables, then each request after a `###` separator with its
 * comments, directives, request line, headers and body. Bodies are written line by line; a
 * multipart body's CRLF line ends come back from the Content-Type when the file is read.
 */
export function renderRequestFile(file: ImportedFile, header: string[] = []): string {
  const lines: string[] = header.map(commentLine);
  if (file.variables.length > 0) {
    if (lines.length > 0) lines.push('');
    for (const variable of file.variables) {
      lines.push(`@${variable.name} = ${variable.value.replace(/\s*[\r\n]+\s*/g, ' ')}`);
    }
  }
  for (const request of file.requests) {
    if (lines.length > 0) lines.push('');
    lines.push(...requestLines(request));
  }
  return `${lines.join('\n')}\n`;
}

/** One request as text, for pasting into a file at the cursor (no file header). */
export function renderRequest(request: ImportedRequest): string {
  return `${requestLines(request).join('\n')}\n`;
}
