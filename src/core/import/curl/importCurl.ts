import { checkRendered } from '../checkRendered';
import { importError } from '../importError';
import type { ImportedRequest, ImportResult, ImportWarning } from '../importTypes';
import { renderRequestFile } from '../renderRequestFile';
import { curlToRequest } from './curlToRequest';
import { readCurlArguments } from './readCurlArguments';
import { tokenizeShell } from './tokenizeShell';

const curlWord = /^(?:.*[/\\])?curl(?:\.exe)?$/i;

/** One command's request, or null (with a warning) when it is not curl or has no URL. */
function commandRequest(words: string[], warnings: ImportWarning[]): ImportedRequest | null {
  const start = words.findIndex((word) => curlWord.test(word));
  if (start < 0) {
    warnings.push({ where: `"${words.slice(0, 3).join(' ')}"`, message: 'This is not a curl command; it is skipped.' });
    return null;
  }
  const call = readCurlArguments(words.slice(start + 1));
  warnings.push(...call.warnings);
  if (call.urls.length === 0) {
    const where = `curl ${words.slice(start + 1, start + 4).join(' ')}`;
    warnings.push({ where, message: 'This curl command has no URL; it is skipped.' });
    return null;
  }
  return curlToRequest(call, warnings);
}

/** The requests of every `curl …` command in the text (a browser's "Copy all as cURL" holds several). */
export function curlRequests(
  text: string,
  source = 'the cURL text',
): { requests: ImportedRequest[]; warnings: ImportWarning[] } {
  const shell = tokenizeShell(text);
  const warnings: ImportWarning[] = [...shell.warnings];
  const requests = shell.commands
    .map((words) => commandRequest(words, warnings))
    .filter((request): request is ImportedRequest => request !== null);
  if (requests.length === 0) {
    const reason = warnings.length > 0 ? ` ${warnings.map((w) => w.message).join(' ')}` : '';
    throw importError(
      source,
      `No curl command with a URL found in ${source}.${reason}`,
      'Paste a command that starts with curl, e.g. curl https://example.com/api -H "Accept: application/json".',
    );
  }
  for (const name of shell.variables) {
    warnings.push({
      where: `$${name}`,
      message: `The shell variable $${name} became {{${name}}}: define ${name} in an environment, a file variable or .env.`,
    });
  }
  return { requests, warnings };
}

/** A cURL command line (or several) as a request file named `fileName`. */
export function importCurl(text: string, fileName: string, source?: string): ImportResult {
  const { requests, warnings } = curlRequests(text, source);
  return { files: [{ path: fileName, variables: [], requests }], environments: null, warnings };
}

/**
 * cURL text as request-file text to print or paste at a cursor (each request after `###`), with
 * the warnings of the import and of reading the text back.
 */
export function curlAsText(
  text: string,
  source?: string,
): { text: string; requests: number; warnings: ImportWarning[] } {
  const result = importCurl(text, 'pasted.gwhttp', source);
  const file = result.files[0];
  const rendered = renderRequestFile(file);
  return {
    text: rendered,
    requests: file.requests.length,
    warnings: [...result.warnings, ...checkRendered(file, rendered)],
  };
}
