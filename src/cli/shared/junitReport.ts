/**
 * A JUnit XML report of a `gwhttp send` run, for CI dashboards (GitLab, Jenkins, GitHub test
 * reporters): one test suite per file, and per request one test case for each `?? …` assertion, or,
 * for a request without assertions, one test case for the request itself (2xx and no error). A
 * request that failed to send, or that the gateway rejected, also gets a failing test case.
 */
import { assertsStatus, resultPassed, type RunResult, sendNumber } from '../../core';

export interface JunitCase {
  name: string;
  /** `file:line` of the request. */
  classname: string;
  /** The request file and the case's line: the `??` assertion's, or the request's. */
  file: string;
  line: number;
  timeSeconds: number;
  failure: { message: string; details: string } | null;
}

/** Characters XML 1.0 cannot hold at all are dropped; markup characters are escaped. */
export function escapeXml(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
      .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;')
  );
}

function requestLabel(result: RunResult): string {
  const what = result.request ? `${result.request.method} ${result.request.url}` : '';
  return [sendNumber(result), result.name, what].filter((part) => part).join(' ');
}

export function junitCases(results: readonly RunResult[]): JunitCase[] {
  return results.flatMap((result) => {
    const label = requestLabel(result);
    const classname = `${result.location.file}:${result.location.line}`;
    const seconds = (result.response?.timings.totalMs ?? 0) / 1000;
    const cases: JunitCase[] = result.assertions.map((assertion) => ({
      name: `${label} › ${assertion.text}${assertion.origin === 'documentation' ? ' (documented)' : ''}`,
      classname,
      file: result.location.file,
      line: assertion.line,
      timeSeconds: 0,
      failure: assertion.passed
        ? null
        : {
            message: assertion.failure ?? 'failed',
            details: `line ${assertion.line}: ?? ${assertion.text}\nactual: ${assertion.actual}`,
          },
    }));
    const unanswered = result.response === null || (result.error !== null && !assertsStatus(result));
    if (cases.length === 0 || unanswered) {
      const passed = cases.length === 0 ? resultPassed(result) : false;
      const message =
        result.error?.message ??
        (result.response ? `HTTP ${result.response.status} ${result.response.statusText}` : 'no response');
      cases.unshift({
        name: label,
        classname,
        file: result.location.file,
        line: result.location.line,
        timeSeconds: seconds,
        failure: passed
          ? null
          : { message, details: [message, result.error?.hint ?? ''].filter((line) => line).join('\n') },
      });
    } else {
      cases[0].timeSeconds = seconds;
    }
    return cases;
  });
}

/** The cases of one file. */
export interface JunitSuite {
  name: string;
  cases: JunitCase[];
}

function suiteLines(suite: JunitSuite): string[] {
  const failures = suite.cases.filter((testCase) => testCase.failure !== null).length;
  const time = suite.cases.reduce((sum, testCase) => sum + testCase.timeSeconds, 0);
  return [
    `  <testsuite name="${escapeXml(suite.name)}" tests="${suite.cases.length}" failures="${failures}" errors="0" skipped="0" time="${time.toFixed(3)}">`,
    ...suite.cases.flatMap((testCase) => {
      const open = `    <testcase name="${escapeXml(testCase.name)}" classname="${escapeXml(testCase.classname)}" file="${escapeXml(testCase.file)}" line="${testCase.line}" time="${testCase.timeSeconds.toFixed(3)}"`;
      if (!testCase.failure) return [`${open}/>`];
      return [
        `${open}>`,
        `      <failure message="${escapeXml(testCase.failure.message)}">${escapeXml(testCase.failure.details)}</failure>`,
        '    </testcase>',
      ];
    }),
    '  </testsuite>',
  ];
}

/** The report: a test suite per file, from the cases of its results (`junitCases`, collected as they arrive). */
export function junitReport(suites: readonly JunitSuite[]): string {
  const cases = suites.flatMap((suite) => suite.cases);
  const failures = cases.filter((testCase) => testCase.failure !== null).length;
  const total = cases.reduce((sum, testCase) => sum + testCase.timeSeconds, 0);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="gwhttp" tests="${cases.length}" failures="${failures}" errors="0" time="${total.toFixed(3)}">`,
    ...suites.flatMap(suiteLines),
    '</testsuites>',
  ];
  return `${lines.join('\n')}\n`;
}
