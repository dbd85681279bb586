import assert from 'node:assert/strict';

import { isGwHttpError } from '../../../src/core/errors';
import { prepareRequest } from '../../../src/core/variables/prepareRequest';
import {
  checkSystemVariable,
  resolveSystemVariable,
  type SystemVariableEnvironment,
} from '../../../src/core/variables/systemVariables';
import { parseReferenceExpression } from '../../../src/core/variables/variableReference';
import { located } from '../located';
import { makeContext, makeDocument, makeRequest, pinnedClock } from './variableTestKit';

const environment: SystemVariableEnvironment = {
  clock: pinnedClock,
  processEnv: { GWHTTP_REGION: 'ap-beijing' },
  dotenv: { API_USER: 'alice' },
  dotenvDescription: '.env (/tmp/project/.env)',
};
const pinnedSeconds = Date.parse('2026-11-23T10:15:30.000Z') / 1000;

describe('system variables', () => {
  it('$timestamp is Unix seconds from the given clock, with an optional offset', () => {
    assert.equal(resolveSystemVariable('$timestamp', [], environment), String(pinnedSeconds));
    assert.equal(resolveSystemVariable('$timestamp', ['-1', 'h'], environment), String(pinnedSeconds - 3600));
    assert.equal(resolveSystemVariable('$timestamp', ['2d'], environment), String(pinnedSeconds + 2 * 86400));
  });

  it('$datetime formats rfc1123 and iso8601, with offsets in months and years too', () => {
    assert.equal(resolveSystemVariable('$datetime', ['rfc1123'], environment), 'Mon, 23 Nov 2026 10:15:30 GMT');
    assert.equal(resolveSystemVariable('$datetime', ['iso8601'], environment), '2026-11-23T10:15:30.000Z');
    assert.equal(resolveSystemVariable('$datetime', ['iso8601', '1', 'M'], environment), '2026-12-23T10:15:30.000Z');
    assert.equal(resolveSystemVariable('$datetime', ['iso8601', '-1', 'y'], environment), '2025-11-23T10:15:30.000Z');
    assert.equal(
      resolveSystemVariable('$datetime', ['rfc1123', '-30', 'm'], environment),
      'Mon, 23 Nov 2026 09:45:30 GMT',
    );
  });

  it('$datetime takes a quoted Day.js format (REST Client), in UTC, with an offset', () => {
    assert.equal(resolveSystemVariable('$datetime', ['"DD-MM-YYYY"'], environment), '23-11-2026');
    assert.equal(
      resolveSystemVariable('$datetime', ["'YYYY-MM-DD HH:mm:ss'", '1', 'y'], environment),
      '2027-11-23 10:15:30',
    );
    assert.equal(resolveSystemVariable('$datetime', ['"ddd [at] h A"', '-2', 'h'], environment), 'Mon at 8 AM');
  });

  it('$localDatetime formats in the local time zone', () => {
    const zone = process.env.TZ;
    process.env.TZ = 'Asia/Shanghai';
    try {
      assert.equal(resolveSystemVariable('$localDatetime', ['"YYYY-MM-DD HH:mm"'], environment), '2026-11-23 18:15');
      assert.equal(resolveSystemVariable('$localDatetime', ['iso8601'], environment), '2026-11-23T18:15:30.000+08:00');
      assert.equal(
        resolveSystemVariable('$localDatetime', ['rfc1123', '1', 'd'], environment),
        'Tue, 24 Nov 2026 18:15:30 +0800',
      );
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  it('keeps a quoted format with spaces as one argument', () => {
    const reference = parseReferenceExpression('$datetime "DD MMM YYYY" -1 d');
    assert.deepEqual([reference.name, ...reference.args], ['$datetime', '"DD MMM YYYY"', '-1', 'd']);
    assert.deepEqual(parseReferenceExpression("$localDatetime 'HH:mm'").args, ["'HH:mm'"]);
  });

  it('$uuid and $guid are v4 UUIDs, different each time', () => {
    const first = resolveSystemVariable('$uuid', [], environment);
    assert.match(first, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.notEqual(resolveSystemVariable('$guid', [], environment), first);
  });

  it('$randomInt stays in [MIN, MAX)', () => {
    for (let i = 0; i < 200; i++) {
      const value = Number(resolveSystemVariable('$randomInt', ['-2', '3'], environment));
      assert.ok(Number.isInteger(value) && value >= -2 && value < 3, `got ${value}`);
    }
    assert.equal(resolveSystemVariable('$randomInt', ['5', '6'], environment), '5');
  });

  it('$randomInt without arguments is 0 to 1000, as in JetBrains files', () => {
    const values = Array.from({ length: 300 }, () => Number(resolveSystemVariable('$randomInt', [], environment)));
    assert.ok(
      values.every((value) => Number.isInteger(value) && value >= 0 && value <= 1000),
      values.join(' '),
    );
    assert.ok(new Set(values).size > 50, 'random');
  });

  it('$processEnv and $dotenv read the given maps, and name what is missing', () => {
    assert.equal(resolveSystemVariable('$processEnv', ['GWHTTP_REGION'], environment), 'ap-beijing');
    assert.equal(resolveSystemVariable('$dotenv', ['API_USER'], environment), 'alice');
    assert.throws(() => resolveSystemVariable('$processEnv', ['NOPE'], environment), /NOPE is not set/);
    assert.throws(
      () => resolveSystemVariable('$dotenv', ['NOPE'], environment),
      /NOPE is not set in \.env \(\/tmp\/project\/\.env\)/,
    );
  });

  it('checks the syntax of every system variable', () => {
    assert.equal(checkSystemVariable('$timestamp', ['-1', 'h']), null);
    assert.match(checkSystemVariable('$timestamp', ['soon']) ?? '', /not an offset/);
    assert.match(checkSystemVariable('$datetime', []) ?? '', /needs a format/);
    assert.equal(checkSystemVariable('$datetime', ['"YYYY"']), null);
    assert.match(
      checkSystemVariable('$datetime', ['YYYY']) ?? '',
      /format YYYY is not supported; use rfc1123, iso8601 or a Day\.js format in quotes/,
    );
    assert.match(checkSystemVariable('$localDatetime', ['"YYYY', '1', 'd']) ?? '', /not supported/);
    assert.equal(checkSystemVariable('$randomInt', []), null);
    assert.match(checkSystemVariable('$randomInt', ['5', '1']) ?? '', /MIN must be less than MAX/);
    assert.match(checkSystemVariable('$randomInt', ['a', 'b']) ?? '', /two integers/);
    assert.match(checkSystemVariable('$uuid', ['x']) ?? '', /no arguments/);
    assert.match(checkSystemVariable('$nope', []) ?? '', /unknown system variable \$nope/);
    assert.equal(checkSystemVariable('$shared', ['host']), null);
  });

  it('prepareRequest uses the context clock and process env; a bad one is a variable error naming its line', async () => {
    const request = makeRequest({
      line: 4,
      url: 'http://127.0.0.1/x?ts={{$timestamp}}&r={{$processEnv GWHTTP_REGION}}',
      headers: [{ name: 'Date', value: '{{$datetime rfc1123}}', line: 5 }],
    });
    const prepared = await prepareRequest(
      makeDocument([request]),
      request,
      makeContext({ processEnv: { GWHTTP_REGION: 'eu' } }),
    );
    assert.equal(prepared.outgoing.url, `http://127.0.0.1/x?ts=${pinnedSeconds}&r=eu`);
    assert.deepEqual(prepared.outgoing.headers, [{ name: 'Date', value: 'Mon, 23 Nov 2026 10:15:30 GMT' }]);

    const bad = makeRequest({ line: 4, headers: [{ name: 'X-N', value: '{{$randomInt 9 1}}', line: 6 }] });
    await assert.rejects(
      prepareRequest(makeDocument([bad]), bad, makeContext({ requestFile: '/tmp/p/a.gwhttp' })),
      (error: unknown) => {
        assert.ok(isGwHttpError(error));
        assert.equal(error.code, 'variable');
        assert.match(
          located(error),
          /^\/tmp\/p\/a\.gwhttp:6: \{\{\$randomInt 9 1\}\}: \$randomInt MIN MAX: MIN must be less than MAX/,
        );
        assert.deepEqual(error.location, { file: '/tmp/p/a.gwhttp', line: 6 });
        return true;
      },
    );
  });
});
