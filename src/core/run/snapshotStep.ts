import { responseText } from '../http/responseText';
import type { ParsedDocument, ParsedRequest } from '../model/document';
import { checkSnapshot } from '../snapshot/checkSnapshot';
import { resultPassed } from './resultOutcome';
import type { RunContext, RunResult } from './runTypes';

/**
 * After the response and its `??` checks: a request with `# @expect-snapshot` is compared with (or
 * recorded in) its file's snapshot, and the outcome joins its assertions. Nothing without the
 * directive, without a response, or in a run that keeps no snapshots (Preview, a file not on disk).
 */
export function snapshotStep(
  document: ParsedDocument,
  request: ParsedRequest,
  result: RunResult,
  context: RunContext,
): void {
  const requestPath = context.variables.requestFile;
  if (!context.snapshots || !requestPath || !result.response) return;
  const { response } = result;
  const outcome = checkSnapshot(
    {
      document,
      request,
      requestPath,
      response: {
        status: response.status,
        headers: response.headers,
        contentType: response.contentType,
        bodyText: responseText(response),
      },
      good: resultPassed(result),
    },
    context.snapshots,
  );
  if (outcome) result.assertions = [...result.assertions, outcome];
}
