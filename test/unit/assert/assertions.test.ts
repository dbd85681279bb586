import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';

import { evaluateAssertion, type ResponseUnderTest } from '../../../src/core/assert/evaluateAssertions';
import { parseAssertion } from '../../../src/core/assert/parseAssertion';

const body = JSON.stringify({
  id: 7,
  name: 'Lamp',
  ok: true,
  tags: ['a', 'b'],
  fewestCoins: [1, 5],
  nested: { price: 12.5 },
  none: null,
});
const response: ResponseUnderTest = {
  status: 200,
  headers: [
    { name: 'Content-Type', value: 'application/json; charset=utf-8' },
    { name: 'Set-Cookie', value: 'a=1' },
    { name: 'Set-Cookie', value: 'b=2' },
  ],
  bodyText: body,
  body: Buffer.from(body),
  totalMs: 123.4,
};
const check = (text: string, against: ResponseUnderTest = response) => evaluateAssertion(text, 9, against);

describe('?? assertions', () => {
  describe('parseAssertion', () => {
    it('reads subject, argument, predicate and value, with httpYac aliases', () => {
      assert.deepEqual(parseAssertion('status == 200', 4), {
        assertion: {
          line: 4,
          text: 'status == 200',
          subject: 'status',
          argument: null,
          predicate: '==',
          expected: '200',
        },
      });
      assert.deepEqual(parseAssertion('header Content-Type contains json', 1), {
        assertion: {
          line: 1,
          text: 'header Content-Type contains json',
          subject: 'header',
          argument: 'Content-Type',
          predicate: 'includes',
          expected: 'json',
        },
      });
      assert.deepEqual(parseAssertion('body $.items[0].id >= 7', 1), {
        assertion: {
          line: 1,
          text: 'body $.items[0].id >= 7',
          subject: 'body',
          argument: '$.items[0].id',
          predicate: '>=',
          expected: '7',
        },
      });
      assert.deepEqual(parseAssertion('body fewestCoins exists', 1), {
        assertion: {
          line: 1,
          text: 'body fewestCoins exists',
          subject: 'body',
          argument: 'fewestCoins',
          predicate: 'exists',
          expected: null,
        },
      });
      assert.deepEqual(parseAssertion('body == {"a": 1}', 1), {
        assertion: {
          line: 1,
          text: 'body == {"a": 1}',
          subject: 'body',
          argument: null,
          predicate: '==',
          expected: '{"a": 1}',
        },
      });
    });

    it('says what is wrong with a malformed one, and marks js/xpath as unsupported', () => {
      const problem = (text: string) => {
        const parsed = parseAssertion(text, 1);
        return 'problem' in parsed ? parsed : null;
      };
      assert.match(problem('status is 200')?.problem ?? '', /is not an assertion: write \?\? SUBJECT/);
      assert.match(problem('cookie a == 1')?.problem ?? '', /unknown assertion subject "cookie"/);
      assert.match(problem('header == json')?.problem ?? '', /name the header/);
      assert.match(problem('status 5 == 200')?.problem ?? '', /status takes no argument/);
      assert.match(problem('status ==')?.problem ?? '', /== needs a value/);
      assert.match(problem('body id exists 3')?.problem ?? '', /exists takes no value/);
      assert.match(problem('header x sha256 abc')?.problem ?? '', /sha256 checks the whole body/);
      assert.deepEqual(problem('js response.parsedBody.ok == true')?.unsupported, true);
      assert.equal(problem('xpath //a exists')?.unsupported, true);
    });
  });

  describe('evaluateAssertion', () => {
    it('checks the status and the total time as numbers', () => {
      assert.equal(check('status == 200').passed, true);
      assert.equal(check('status == 200').subject, 'status');
      assert.equal(check('header content-type exists').subject, 'header');
      assert.equal(check('status != 404').passed, true);
      assert.equal(check('status < 300').passed, true);
      const failed = check('status == 201');
      assert.deepEqual(
        [failed.passed, failed.actual, failed.failure],
        [false, '200', 'expected status == 201, got 200'],
      );
      assert.equal(check('duration < 500').passed, true);
      assert.equal(check('duration > 500').passed, false);
    });

    it('checks headers by name, case-insensitively, joining repeated ones', () => {
      assert.equal(check('header content-type includes json').passed, true);
      assert.equal(check('header Content-Type startsWith application/').passed, true);
      assert.equal(check('header set-cookie == a=1, b=2').passed, true);
      assert.equal(check('header x-missing exists').passed, false);
      assert.equal(check('header x-missing exists').actual, '(none)');
      assert.equal(check('header x-missing isFalse').passed, true);
    });

    it('checks the JSON body by JSONPath or httpYac dot path, converting the value to the found type', () => {
      assert.equal(check('body $.id == 7').passed, true);
      assert.equal(check('body id == 7').passed, true);
      assert.equal(check('body name == Lamp').passed, true);
      assert.equal(check('body ok == true').passed, true);
      assert.equal(check('body nested.price > 12').passed, true);
      assert.equal(check('body fewestCoins == [1, 5]').passed, true);
      assert.equal(check('body fewestCoins == [1]').passed, false);
      assert.equal(check('body fewestCoins.length == 2').passed, true);
      assert.equal(check('body tags includes b').passed, true);
      assert.equal(check('body fewestCoins includes 5').passed, true);
      assert.equal(check('body tags isArray').passed, true);
      assert.equal(check('body id isNumber').passed, true);
      assert.equal(check('body none == null').passed, true);
      assert.equal(check('body name matches ^L[a-z]+$').passed, true);
      assert.equal(check('body nope exists').passed, false);
      assert.equal(check(`body == ${body}`).passed, true);
    });

    it('checks a text body as text, and fails a path into a body that is not JSON', () => {
      const text = { ...response, bodyText: 'plain words', body: Buffer.from('plain words') };
      assert.equal(check('body includes words', text).passed, true);
      assert.equal(check('body == plain words', text).passed, true);
      const failed = check('body $.id == 1', text);
      assert.equal(failed.passed, false);
      assert.match(failed.failure ?? '', /the body is not JSON, so it has no \$\.id/);
    });

    it('checks digests of the body bytes in base64 or hex', () => {
      const sha = createHash('sha256').update(body);
      assert.equal(check(`body sha256 ${sha.copy().digest('base64')}`).passed, true);
      assert.equal(check(`body sha256 ${sha.digest('hex')}`).passed, true);
      assert.equal(check(`body md5 ${createHash('md5').update(body).digest('base64')}`).passed, true);
      assert.equal(check('body sha512 nope').passed, false);
    });

    it('fails an assertion that became malformed after variables were resolved, saying why', () => {
      const failed = check('status ==   ');
      assert.equal(failed.passed, false);
      assert.equal(failed.subject, null);
      assert.match(failed.failure ?? '', /needs a value|not an assertion/);
    });
  });
});
