import * as path from 'node:path';

import { GwHttpError, untitledFile } from '../errors';
import type { ParsedRequest } from '../model/document';
import { isMultipart } from '../parser/parseBody';
import type { FileReader } from '../ports';
import { decodeWithCharset, isKnownCharset } from '../text/decodeWithCharset';
import { substituteVariables } from './substituteVariables';
import type { VariableSources } from './variableSources';

const rawFileLine = /^<\s+(\S.*)$/;
const textFileLine = /^<@([\w-]+)?\s+(\S.*)$/;

/**
 * The exact body bytes of a request: inline lines with `{{…}}` substituted (UTF-8), `< path` lines
 * replaced by the file's raw bytes, `<@ path` / `<@latin1 path` lines by the file's text with
 * variables substituted. Lines keep the body's separator (CRLF for multipart, else LF); a multipart
 * body that ends with its close delimiter (`--boundary--`) gets a final CRLF, as REST Client sends it.
 * Paths are relative to the request file's folder and may hold `{{…}}`.
 */
export async function resolveBody(
  request: ParsedRequest,
  sources: VariableSources,
  fileReader: FileReader,
): Promise<Uint8Array | null> {
  if (request.body === null) return null;
  const separator = request.body.includes('\r\n') ? '\r\n' : '\n';
  const lines = request.body.split(/\r\n|\n/);
  const parts: Uint8Array[] = [];
  for (const [index, text] of lines.entries()) {
    const line = bodyLineNumber(request, index);
    if (index > 0) parts.push(Buffer.from(separator, 'utf8'));
    parts.push(await resolveBodyLine(text, line, sources, fileReader));
  }
  if (endsWithCloseDelimiter(request, lines)) parts.push(Buffer.from('\r\n', 'utf8'));
  return new Uint8Array(Buffer.concat(parts));
}

function endsWithCloseDelimiter(request: ParsedRequest, lines: readonly string[]): boolean {
  return isMultipart(request.headers) && /^--\S+--\s*$/.test(lines[lines.length - 1]);
}

function bodyLineNumber(request: ParsedRequest, index: number): number {
  if (!request.bodyRange) return request.line;
  return Math.min(request.bodyRange.startLine + index, request.bodyRange.endLine);
}

async function resolveBodyLine(
  text: string,
  line: number,
  sources: VariableSources,
  fileReader: FileReader,
): Promise<Uint8Array> {
  const raw = rawFileLine.exec(text);
  if (raw) return readBodyFile(raw[1], line, sources, fileReader);
  const textFile = textFileLine.exec(text);
  if (!textFile) return Buffer.from(substituteVariables(text, line, sources), 'utf8');
  const encoding = textFile[1] ?? 'utf8';
  if (!isKnownCharset(encoding)) {
    throw bodyFileError(
      sources,
      line,
      `"<@${encoding}": unknown text encoding`,
      'Use <@ for UTF-8 or a known encoding such as <@latin1.',
    );
  }
  const bytes = await readBodyFile(textFile[2], line, sources, fileReader);
  const content = decodeWithCharset(bytes, encoding) ?? '';
  const frame = { key: `body:${textFile[2]}`, label: `body file "${textFile[2].trim()}"` };
  return Buffer.from(substituteVariables(content, line, sources, [frame]), 'utf8');
}

async function readBodyFile(
  rawPath: string,
  line: number,
  sources: VariableSources,
  fileReader: FileReader,
): Promise<Uint8Array> {
  const relative = substituteVariables(rawPath.trim(), line, sources);
  if (!path.isAbsolute(relative) && sources.requestFile === null) {
    throw bodyFileError(
      sources,
      line,
      `body file "${relative}" is relative, but the request file is not saved`,
      'Save the file first, or use an absolute path.',
    );
  }
  const file = path.isAbsolute(relative) ? relative : path.resolve(path.dirname(sources.requestFile ?? ''), relative);
  try {
    return await fileReader.readFile(file);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw bodyFileError(
      sources,
      line,
      `cannot read body file ${file} (${reason})`,
      'Check the path: it is relative to the folder of the request file.',
    );
  }
}

function bodyFileError(sources: VariableSources, line: number, what: string, hint: string): GwHttpError {
  const location = { file: sources.requestFile ?? untitledFile, line };
  return new GwHttpError('file', what, location, { hint });
}
