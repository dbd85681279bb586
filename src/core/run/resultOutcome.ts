import type { RunResult } from './runTypes';

/**
 * Whether a request passed, the same for the CLI's exit status, its JUnit report and the editor: a
 * response, every `?? …` assertion true, and a 2xx status without a gateway error; a request that
 * asserts its status (`?? status == 404`) is judged by its assertions instead, so an expected
 * rejection passes.
 */
export function resultPassed(result: RunResult): boolean {
  if (!result.response) return false;
  if (result.assertions.some((assertion) => !assertion.passed)) return false;
  if (assertsStatus(result)) return true;
  return result.error === null && result.response.status >= 200 && result.response.status < 300;
}

/** Whether the request checks its status with a `?? status …` assertion (then that, not 2xx, decides). */
export function assertsStatus(result: RunResult): boolean {
  return result.assertions.some((assertion) => assertion.subject === 'status');
}

/** One line for the editor: `✔ 200 OK · 3/3 checks · 12 ms`, `✘ 500 Internal Server Error · 12 ms`, `✘ Connection refused …`. */
export function outcomeLine(result: RunResult): string {
  const mark = resultPassed(result) ? '✔' : '✘';
  const { response } = result;
  if (!response) return `${mark} ${result.error?.message ?? 'not sent'}`;
  const passed = result.assertions.filter((assertion) => assertion.passed).length;
  const checks =
    result.assertions.length === 0
      ? ''
      : ` · ${passed}/${result.assertions.length} check${result.assertions.length === 1 ? '' : 's'}`;
  return `${mark} ${response.status} ${response.statusText}${checks} · ${Math.round(response.timings.totalMs)} ms`;
}

/** `3 requests: 2 passed, 1 failed` for a run of several requests. */
export function runSummary(results: readonly RunResult[]): string {
  const failed = results.filter((result) => !resultPassed(result)).length;
  return `${results.length} request${results.length === 1 ? '' : 's'}: ${results.length - failed} passed, ${failed} failed`;
}
