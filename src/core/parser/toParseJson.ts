import type { ParsedDocument, ParsedRequest } from '../model/document';

/**
 * The `gwhttp parse --json` shape (other tools depend on it; extra fields may be added, never removed):
 * `{"files":[{"file", "requests":[…], "variables":[…], "diagnostics":[…]}]}`.
 */
export interface ParseJsonRequest {
  index: number;
  name: string | null;
  title: string | null;
  line: number;
  endLine: number;
  method: string;
  url: string;
  headers: { name: string; value: string; line: number }[];
  body: string | null;
  form: 'line' | 'block';
  directives: { name: string; key: string | null; value: string; line: number }[];
  urlLine: number;
  regionStartLine: number;
  bodyRange: { startLine: number; endLine: number } | null;
  httpVersion: string | null;
  /** Only on requests that have `?? …` assertions. */
  assertions?: { text: string; line: number; origin?: 'documentation' }[];
  /** Only on requests with a `>> path` / `>>! path` line. */
  saveResponse?: { path: string; overwrite: boolean; line: number };
}

export interface ParseJsonFile {
  file: string;
  requests: ParseJsonRequest[];
  variables: { name: string; value: string; line: number }[];
  diagnostics: { line: number; severity: string; message: string; code: string }[];
}

function requestJson(request: ParsedRequest): ParseJsonRequest {
  const version = (request as ParsedRequest & { httpVersion?: string | null }).httpVersion;
  return {
    index: request.index,
    name: request.name,
    title: request.title,
    line: request.line,
    endLine: request.endLine,
    method: request.method,
    url: request.url,
    headers: request.headers.map((h) => ({ name: h.name, value: h.value, line: h.line })),
    body: request.body,
    form: request.form,
    directives: request.directives.map((d) => ({ name: d.name, key: d.key, value: d.value, line: d.line })),
    urlLine: request.urlLine,
    regionStartLine: request.regionStartLine,
    bodyRange: request.bodyRange
      ? { startLine: request.bodyRange.startLine, endLine: request.bodyRange.endLine }
      : null,
    httpVersion: version ?? null,
    ...(request.assertions.length > 0
      ? {
          assertions: request.assertions.map((a) => ({
            text: a.text,
            line: a.line,
            ...(a.origin === 'documentation' ? { origin: a.origin } : {}),
          })),
        }
      : {}),
    ...(request.saveResponse
      ? {
          saveResponse: {
            path: request.saveResponse.path,
            overwrite: request.saveResponse.overwrite,
            line: request.saveResponse.line,
          },
        }
      : {}),
  };
}

/** One file's entry of the `--json` output. */
export function toParseJson(file: string, document: ParsedDocument): ParseJsonFile {
  return {
    file,
    requests: document.requests.map(requestJson),
    variables: document.variables.map((v) => ({ name: v.name, value: v.value, line: v.line })),
    diagnostics: document.diagnostics.map((d) => ({
      line: d.line,
      severity: d.severity,
      message: d.message,
      code: d.code,
    })),
  };
}
