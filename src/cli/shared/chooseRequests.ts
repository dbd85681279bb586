import type { ParsedDocument } from '../../core';
import { usageError } from './cliError';

/**
 * The indexes to send: `--request INDEX|NAME` picks one (0-based index, or a `# @name`, or a `###`
 * title), `FILE:LINE` (`line`) the request whose lines hold that line; otherwise (with or without
 * `--all`) every request in file order (format spec §7).
 */
export function chooseRequests(
  document: ParsedDocument,
  file: string,
  request: string | undefined,
  all: boolean,
  line: number | null = null,
): number[] {
  if (request !== undefined && all) throw usageError('Use either --request or --all, not both.');
  if (line !== null && (request !== undefined || all)) {
    throw usageError(`${file}:${line} picks one request; leave out --request and --all, or the :${line}.`);
  }
  if (document.requests.length === 0) {
    throw usageError(`${file} has no requests.`, 'A request starts with a request line such as GET https://host/path.');
  }
  if (line !== null) return [requestAtLine(document, file, line)];
  if (request === undefined) return document.requests.map((candidate) => candidate.index);
  if (/^\d+$/.test(request)) {
    const index = Number(request);
    if (index < document.requests.length) return [index];
    throw usageError(
      `${file} has ${document.requests.length} request(s); index ${index} is out of range (indexes start at 0).`,
    );
  }
  const byName =
    document.requests.find((candidate) => candidate.name === request) ??
    document.requests.find((candidate) => candidate.title === request);
  if (byName) return [byName.index];
  const names = document.requests.map((candidate) => candidate.name ?? candidate.title).filter((name) => name !== null);
  throw usageError(
    `${file} has no request named "${request}".`,
    names.length > 0
      ? `Known names: ${names.join(', ')}; or give a 0-based index.`
      : 'Give a 0-based index, or add # @name NAME to a request.',
  );
}

/** The request whose region (its `###` line to its last line) holds `line`. */
function requestAtLine(document: ParsedDocument, file: string, line: number): number {
  const found = document.requests.find((candidate) => candidate.regionStartLine <= line && line <= candidate.endLine);
  if (found) return found.index;
  throw usageError(
    `${file}:${line} is not inside a request.`,
    `Its requests are at lines ${document.requests.map((candidate) => candidate.line).join(', ')}.`,
  );
}
