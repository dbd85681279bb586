import type { HeaderField } from '../../core/model/outgoing';
import type { RunResult } from '../../core/run/runTypes';

/** One result in the `gwhttp send --json` shape (issue 4, item 5). */
export interface RunResultJson {
  index: number;
  name: string | null;
  request: { method: string; url: string; headers: HeaderField[]; body: string | null } | null;
  response: {
    status: number;
    statusText: string;
    headers: HeaderField[];
    body: string;
    bodyTruncated: boolean;
    size: number;
    timings: { dnsMs: number; connectMs: number; tlsMs: number; firstByteMs: number; downloadMs: number; totalMs: number };
  } | null;
  throttle: {
    limit: number | null;
    used: number | null;
    usedOf: number | null;
    remaining: number | null;
    retryAfterSeconds: number | null;
    usagePlanId: string | null;
    secretId: string | null;
  } | null;
  error: { code: string; message: string; hint: string } | null;
}

const fields = (headers: readonly HeaderField[]): HeaderField[] => headers.map(({ name, value }) => ({ name, value }));

export function runResultJson(result: RunResult): RunResultJson {
  const { request, response, throttle } = result;
  return {
    index: result.index,
    name: result.name,
    request: request && {
      method: request.method,
      url: request.url,
      headers: fields(request.headers),
      body: request.body === null ? null : Buffer.from(request.body).toString('utf8'),
    },
    response: response && {
      status: response.status,
      statusText: response.statusText,
      headers: fields(response.headers),
      body: response.bodyText,
      bodyTruncated: response.bodyTruncated,
      size: response.size,
      timings: { ...response.timings },
    },
    throttle: throttle && {
      limit: throttle.limit,
      used: throttle.used,
      usedOf: throttle.usedOf,
      remaining: throttle.remaining,
      retryAfterSeconds: throttle.retryAfterSeconds,
      usagePlanId: throttle.usagePlanId,
      secretId: throttle.secretId,
    },
    error: result.error && { code: result.error.code, message: result.error.message, hint: result.error.hint },
  };
}

/** The whole `--json` output: `{ "results": [ … ] }`, two-space indented, with a final newline. */
export function runResultsJson(results: readonly RunResult[]): string {
  return runResultsJsonDocument(results.map(runResultJsonItem));
}

/**
 * One result as it appears inside `runResultsJson`'s array (indented four spaces). A run turns each
 * result into this text as soon as it arrives, so it keeps short strings rather than every
 * response's objects until the end (that retention made each young-generation GC copy them).
 */
export function runResultJsonItem(result: RunResult): string {
  // Stringified in place and cut out: the same indentation, without re-indenting the text.
  return JSON.stringify({ results: [runResultJson(result)] }, null, 2).slice(itemStart.length, -itemEnd.length);
}

const itemStart = '{\n  "results": [\n';
const itemEnd = '\n  ]\n}';

/** Joins items from `runResultJsonItem`; the same text as `JSON.stringify({ results }, null, 2)` and a newline. */
export function runResultsJsonDocument(items: readonly string[]): string {
  return items.length === 0 ? emptyDocument : `${itemStart}${items.join(',\n')}${itemEnd}\n`;
}

const emptyDocument = '{\n  "results": []\n}\n';

export interface RunResultsJsonWriter {
  add(result: RunResult): void;
  /** Writes the end of the document (the whole document when no result came). */
  end(): void;
}

/**
 * Writes the `--json` document to `out` result by result, as the results arrive: the written text
 * is exactly `runResultsJson(all results)`, and nothing of a result is kept once it is written.
 */
export function runResultsJsonWriter(out: NodeJS.WritableStream): RunResultsJsonWriter {
  let count = 0;
  return {
    add(result) {
      out.write(`${count++ === 0 ? itemStart : ',\n'}${runResultJsonItem(result)}`);
    },
    end() {
      out.write(count === 0 ? emptyDocument : `${itemEnd}\n`);
    },
  };
}
