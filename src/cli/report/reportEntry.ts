import { formatThrottleLine, resultPassed, type RunResult, sendNumber } from '../../core';

/** One request of a run as the HTML and TAP reports show it: small, built as each result arrives. */
export interface ReportEntry {
  file: string;
  line: number;
  index: number;
  /** `#2 createOrder POST http://…/orders`. */
  label: string;
  passed: boolean;
  status: { code: number; text: string } | null;
  durationMs: number | null;
  /** `quota 3/500 used (1%) · limit 500 · …`, or null when the gateway sent no throttling headers. */
  quota: string | null;
  error: { message: string; hint: string } | null;
  assertions: {
    line: number;
    text: string;
    passed: boolean;
    failure: string | null;
    actual: string;
    documented: boolean;
  }[];
  warnings: string[];
}

/** A run's entries, grouped by request file in run order. */
export interface RunReport {
  startedAt: Date;
  files: { file: string; entries: ReportEntry[] }[];
}

export function reportEntry(result: RunResult, file: string): ReportEntry {
  const what = result.request ? `${result.request.method} ${result.request.url}` : '';
  const { response } = result;
  return {
    file,
    line: result.location.line,
    index: result.index,
    label: [sendNumber(result), result.name, what].filter((part) => part).join(' '),
    passed: resultPassed(result),
    status: response && { code: response.status, text: response.statusText },
    durationMs: response && Math.round(response.timings.totalMs),
    quota: result.throttle && formatThrottleLine(result.throttle),
    error: result.error && { message: result.error.message, hint: result.error.hint },
    assertions: result.assertions.map(({ line, text, passed, failure, actual, origin }) => ({
      line,
      text,
      documented: origin === 'documentation',
      passed,
      failure,
      actual,
    })),
    warnings: [...result.warnings],
  };
}

/** Counts over a whole run: requests, passed, failed, and the summed response time. */
export function reportTotals(report: RunReport): { requests: number; passed: number; failed: number; ms: number } {
  const entries = report.files.flatMap((group) => group.entries);
  const passed = entries.filter((entry) => entry.passed).length;
  const ms = entries.reduce((sum, entry) => sum + (entry.durationMs ?? 0), 0);
  return { requests: entries.length, passed, failed: entries.length - passed, ms };
}
