import type { ParsedDocument } from '../../core';
import { usageError } from './cliError';

/**
 * The indexes to send: `--request INDEX|NAME` picks one (0-based index, or a `# @name`, or a `###`
 * title); otherwise (with or without `--all`) every request in file order (format spec §7).
 */
export function chooseRequests(
  document: ParsedDocument,
  file: string,
  request: string | undefined,
  all: boolean,
): number[] {
  if (request !== undefined && all) throw usageError('Use either --request or --all, not both.');
  if (document.requests.length === 0) {
    throw usageError(`${file} has no requests.`, 'A request starts with a request line such as GET https://host/path.');
  }
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
