import assert from 'node:assert/strict';

import { outcomeLine, resultPassed, runSummary } from '../../../src/core/run/resultOutcome';
import type { RunResult } from '../../../src/core/run/runTypes';

function result(
  status: number | null,
  assertions: Array<[string, boolean]> = [],
  error: RunResult['error'] = null,
): RunResult {
  return {
    index: 0,
    name: null,
    location: { file: 'a.gwhttp', line: 1 },
    request: null,
    signing: null,
    response:
      status === null
        ? null
        : ({
            status,
            statusText: status === 200 ? 'OK' : status === 404 ? 'Not Found' : 'Unauthorized',
            timings: { totalMs: 12.4 },
          } as RunResult['response']),
    throttle: null,
    explanation: null,
    error,
    sentAt: null,
    warnings: [],
    assertions: assertions.map(([text, passed], index) => ({
      line: 2 + index,
      text,
      subject: text.startsWith('status') ? ('status' as const) : ('body' as const),
      passed,
      actual: '',
      failure: passed ? null : 'no',
    })),
  };
}

describe('request outcomes', () => {
  it('passes a 2xx without errors, fails anything else, and lets an asserted status decide', () => {
    assert.equal(resultPassed(result(200)), true);
    assert.equal(resultPassed(result(404)), false);
    assert.equal(resultPassed(result(404, [['status == 404', true]])), true);
    assert.equal(resultPassed(result(200, [['body $.id == 1', false]])), false);
    assert.equal(
      resultPassed(
        result(401, [['status == 401', true]], {
          code: 'gatewayRejected',
          message: 'rejected',
          hint: '',
          location: { file: 'a.gwhttp', line: 1 },
          details: {},
        }),
      ),
      true,
    );
    assert.equal(
      resultPassed(
        result(401, [], {
          code: 'gatewayRejected',
          message: 'rejected',
          hint: '',
          location: { file: 'a.gwhttp', line: 1 },
          details: {},
        }),
      ),
      false,
    );
    assert.equal(
      resultPassed(
        result(null, [], {
          code: 'network',
          message: 'Connection refused',
          hint: '',
          location: { file: 'a.gwhttp', line: 1 },
          details: {},
        }),
      ),
      false,
    );
  });

  it('says it in one line for a lens', () => {
    assert.equal(outcomeLine(result(200)), '✔ 200 OK · 12 ms');
    assert.equal(
      outcomeLine(
        result(200, [
          ['status == 200', true],
          ['body $.id == 1', false],
        ]),
      ),
      '✘ 200 OK · 1/2 checks · 12 ms',
    );
    assert.equal(outcomeLine(result(404, [['status == 404', true]])), '✔ 404 Not Found · 1/1 check · 12 ms');
    assert.equal(
      outcomeLine(
        result(null, [], {
          code: 'network',
          message: 'Connection refused by 127.0.0.1:9',
          hint: '',
          location: { file: 'a.gwhttp', line: 1 },
          details: {},
        }),
      ),
      '✘ Connection refused by 127.0.0.1:9',
    );
    assert.equal(runSummary([result(200), result(404), result(201)]), '3 requests: 2 passed, 1 failed');
  });
});
