import type { BudgetStop, CookieSet, HeaderField, QuotaUse, RunResult } from '../../core';

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
    /** Beyond the shape: the HTTP version that answered (`1.1` or `2`; issue 15). */
    httpVersion: '1.1' | '2';
    timings: {
      dnsMs: number;
      connectMs: number;
      tlsMs: number;
      firstByteMs: number;
      downloadMs: number;
      totalMs: number;
    };
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
  /** What failed (without the place), at `location`; `keyId`/`scheme` when known. */
  error: {
    code: string;
    message: string;
    hint: string;
    location: { file: string; line: number };
    keyId?: string;
    scheme?: string;
  } | null;
  /** Beyond the shape: clock drift and quota warnings (empty when there are none). */
  warnings: string[];
  /** Beyond the shape: the request's `?? …` assertions and how they came out. */
  assertions: {
    line: number;
    assertion: string;
    passed: boolean;
    actual: string;
    failure: string | null;
    /** `file` for a `??` line, `documentation` for a check the gateway document's response sample states. */
    origin: 'file' | 'documentation';
  }[];
  /** Beyond the shape: where the response body was written (`>> path`, `# @save path`), when it was. */
  savedTo?: string;
  /** Beyond the shape: the cookies the responses set (each hop's), as the jar took them (issue 15). */
  cookiesSet: CookieSet[];
  /** Beyond the shape: the request file, as given (`gwhttp send` takes several). */
  file?: string;
  /** Beyond the shape: the request's line in its file (for Markdown, the line in the `.md` file). */
  line: number;
  /** Which send of a repeated request this is (`--repeat`, `# @repeat`); absent when it was sent once. */
  repetition?: { number: number; of: number };
  /** How often the run waited before this send (a 429's Retry-After, the paced window); absent when it did not. */
  waits?: number;
}

const fields = (headers: readonly HeaderField[]): HeaderField[] => headers.map(({ name, value }) => ({ name, value }));

/** One result's JSON (the caller masks the run's secrets in it, cookie values included). */
export function runResultJson(result: RunResult): RunResultJson {
  const { request, response, throttle } = result;
  return {
    index: result.index,
    name: result.name,
    line: result.location.line,
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
      httpVersion: response.httpVersion ?? '1.1',
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
    error: result.error && {
      code: result.error.code,
      message: result.error.message,
      hint: result.error.hint,
      location: result.error.location,
      ...result.error.details,
    },
    warnings: [...result.warnings],
    assertions: result.assertions.map(({ line, text, passed, actual, failure, origin }) => ({
      line,
      assertion: text,
      passed,
      actual,
      failure,
      origin: origin ?? 'file',
    })),
    ...(result.savedTo ? { savedTo: result.savedTo } : {}),
    ...(result.repetition ? { repetition: { ...result.repetition } } : {}),
    ...(result.waits ? { waits: result.waits } : {}),
    cookiesSet: (result.cookiesSet ?? []).map((cookie) => ({ ...cookie })),
  };
}

/** The whole `--json` output: `{ "results": [ … ] }`, two-space indented, with a final newline. */
export function runResultsJson(results: readonly RunResult[]): string {
  return runResultsJsonDocument(results.map((result) => runResultJson(result)));
}

/**
 * The `--json` document from results already reduced with `runResultJson`. A run keeps these small
 * objects rather than whole results (responses, buffers, signing details) until the end, and
 * serialises them in one pass: serialising each result as it arrived, between requests, cost about
 * three times as much per result as one indented JSON.stringify over all of them.
 */
export function runResultsJsonDocument(
  items: readonly RunResultJson[],
  quota: readonly QuotaUse[] = [],
  budgetStop: BudgetStop | null = null,
): string {
  const document = { results: items, quota: quota.map(quotaJson), ...(budgetStop ? { budgetStop } : {}) };
  return `${JSON.stringify(document, null, 2)}\n`;
}

/** A key's quota over the run in `--json` (issue 16): `{keyId, usagePlanId, limit, usedAtStart, usedAtEnd, peak, throttled, waits}`. */
function quotaJson(use: QuotaUse) {
  const { keyId, usagePlanId, limit, usedAtStart, usedAtEnd, peak, throttled, waits } = use;
  return { keyId, usagePlanId, limit, usedAtStart, usedAtEnd, peak, throttled, waits };
}
