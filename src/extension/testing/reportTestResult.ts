import * as vscode from 'vscode';

import {
  type AssertionResult,
  formatThrottleLine,
  outcomeLine,
  parseAssertion,
  resultPassed,
  type RunResult,
} from '../../core';

/** What the controller reported for an item, kept for the extension-host tests. */
export interface ReportedTest {
  state: 'passed' | 'failed' | 'errored' | 'skipped';
  messages: { text: string; line: number | null; expected?: string; actual?: string }[];
  durationMs?: number;
}

const at = (uri: vscode.Uri, line: number) => new vscode.Location(uri, new vscode.Position(Math.max(line - 1, 0), 0));

/** A JSON string as the assertion shows it (`"x"`) read back to its text, for a text diff. */
function unquoted(actual: string): string {
  if (!actual.startsWith('"')) return actual;
  try {
    const value: unknown = JSON.parse(actual);
    return typeof value === 'string' ? value : actual;
  } catch {
    return actual;
  }
}

/** A failed `??` check as a message at its line: a text diff for an equality, else the failure text. */
function assertionMessage(
  uri: vscode.Uri,
  assertion: AssertionResult,
): { message: vscode.TestMessage; report: ReportedTest['messages'][number] } {
  const text = `${assertion.origin === 'documentation' ? 'documented: ' : '?? '}${assertion.text}: ${assertion.failure ?? 'failed'}`;
  const parsed = parseAssertion(assertion.text, assertion.line);
  let message: vscode.TestMessage;
  const report: ReportedTest['messages'][number] = { text, line: assertion.line };
  if ('assertion' in parsed && parsed.assertion.predicate === '==' && parsed.assertion.expected !== null) {
    report.expected = parsed.assertion.expected;
    report.actual = unquoted(assertion.actual);
    message = vscode.TestMessage.diff(text, report.expected, report.actual);
  } else {
    message = new vscode.TestMessage(text);
  }
  message.location = at(uri, assertion.line);
  return { message, report };
}

/**
 * Reports one result on its item by the CLI's own rule (`resultPassed`): passed; failed with a message
 * per failed check (or the status / gateway error); errored when no response came (network, signing,
 * variables). The one-line outcome and the quota line go to the run's output at the request.
 */
export function reportTestResult(
  run: vscode.TestRun,
  item: vscode.TestItem,
  result: RunResult,
  requestLine: number,
): ReportedTest {
  const uri = item.uri!;
  const duration = result.response?.timings.totalMs;
  const quota = result.throttle ? ` · ${formatThrottleLine(result.throttle)}` : '';
  run.appendOutput(`${item.label}: ${outcomeLine(result)}${quota}\r\n`, at(uri, requestLine), item);
  if (resultPassed(result)) {
    run.passed(item, duration);
    return { state: 'passed', messages: [], durationMs: duration };
  }
  if (!result.response) {
    const text = result.error ? `${result.error.message}\n${result.error.hint}`.trim() : 'not sent';
    const message = new vscode.TestMessage(text);
    message.location = at(uri, requestLine);
    run.errored(item, message, duration);
    return { state: 'errored', messages: [{ text, line: requestLine }], durationMs: duration };
  }
  const failed = result.assertions
    .filter((assertion) => !assertion.passed)
    .map((assertion) => assertionMessage(uri, assertion));
  if (failed.length === 0) {
    const text =
      result.error?.message ??
      `HTTP ${result.response.status} ${result.response.statusText}: not a 2xx status, and no ?? status check expects it`;
    const message = new vscode.TestMessage(text);
    message.location = at(uri, requestLine);
    failed.push({ message, report: { text, line: requestLine } });
  }
  run.failed(
    item,
    failed.map((entry) => entry.message),
    duration,
  );
  return { state: 'failed', messages: failed.map((entry) => entry.report), durationMs: duration };
}
