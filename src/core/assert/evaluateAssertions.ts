/**
 * Evaluates `?? …` assertions against a response, as httpYac does: the value is taken from the status,
 * a header, the body (whole, or at a JSONPath / dot path of the JSON body) or the total time; the
 * expected text is converted to the value's type (number, boolean, string, JSON) before comparing.
 */
import { createHash } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';

import type { JSONPath } from 'jsonpath-plus';

import type { AssertionOrigin } from '../model/document';
import type { HeaderField } from '../model/outgoing';
import type { Assertion, AssertionResult } from './assertion';
import { parseAssertion } from './parseAssertion';

/** What an assertion may look at. */
export interface ResponseUnderTest {
  status: number;
  headers: readonly HeaderField[];
  /** The whole body as text (decoded), and its bytes for digests. */
  bodyText: string;
  body: Uint8Array;
  totalMs: number;
}

const missing = Symbol('missing');
type Value = unknown;

/** A value that cannot be taken at all (a path into a body that is not JSON). */
class NotEvaluable {
  constructor(readonly reason: string) {}
}

function describe(value: Value): string {
  if (value === missing) return '(none)';
  if (typeof value === 'string') return JSON.stringify(value.length > 200 ? `${value.slice(0, 200)}…` : value);
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

function parseJson(text: string): Value {
  try {
    return JSON.parse(text) as Value;
  } catch {
    return missing;
  }
}

/** `$.a.b` as JSONPath; `a.b[0]` (httpYac's form) as `$.a.b[0]`. The first match, or missing. */
function atPath(document: Value, path: string): Value {
  const jsonPath = path.startsWith('$') ? path : path.startsWith('[') ? `$${path}` : `$.${path}`;
  const evaluate = (require('jsonpath-plus') as { JSONPath: typeof JSONPath }).JSONPath;
  const found = evaluate({ path: jsonPath, json: document as object, wrap: true }) as Value[] | undefined;
  return found && found.length > 0 ? found[0] : missing;
}

function actualValue(assertion: Assertion, response: ResponseUnderTest): Value {
  switch (assertion.subject) {
    case 'status':
      return response.status;
    case 'duration':
      return Math.round(response.totalMs);
    case 'header': {
      const name = assertion.argument!.toLowerCase();
      const values = response.headers
        .filter((header) => header.name.toLowerCase() === name)
        .map((header) => header.value);
      return values.length === 0 ? missing : values.join(', ');
    }
    case 'body': {
      if (assertion.argument === null) {
        const json = parseJson(response.bodyText);
        return json === missing ? response.bodyText : json;
      }
      const json = parseJson(response.bodyText);
      if (json === missing) return new NotEvaluable(`the body is not JSON, so it has no ${assertion.argument}`);
      return atPath(json, assertion.argument);
    }
    default: {
      const never: never = assertion.subject;
      return never;
    }
  }
}

/** The expected text in the actual value's type (httpYac's conversion). */
function expectedAs(actual: Value, expected: string): Value {
  if (typeof actual === 'number') return Number(expected);
  if (typeof actual === 'boolean') return expected === 'true' ? true : expected === 'false' ? false : expected;
  if (actual === null) return expected === 'null' ? null : expected;
  if (typeof actual === 'object') {
    const json = parseJson(expected);
    return json === missing ? expected : json;
  }
  return expected;
}

function digest(algorithm: 'md5' | 'sha256' | 'sha512', body: Uint8Array, expected: string): boolean {
  const hash = createHash(algorithm).update(body);
  const base64 = hash.copy().digest('base64');
  return expected === base64 || expected.toLowerCase() === hash.digest('hex');
}

function holds(assertion: Assertion, actual: Value, response: ResponseUnderTest): boolean {
  const expectedText = assertion.expected ?? '';
  const expected = expectedAs(actual, expectedText);
  switch (assertion.predicate) {
    case '==':
      return actual !== missing && isDeepStrictEqual(actual, expected);
    case '!=':
      return !isDeepStrictEqual(actual, expected);
    case '<':
      return Number(actual) < Number(expectedText);
    case '<=':
      return Number(actual) <= Number(expectedText);
    case '>':
      return Number(actual) > Number(expectedText);
    case '>=':
      return Number(actual) >= Number(expectedText);
    case 'includes':
      return Array.isArray(actual)
        ? actual.some((item) => isDeepStrictEqual(item, expectedAs(item, expectedText)))
        : actual !== missing && String(actual).includes(expectedText);
    case 'startsWith':
      return actual !== missing && String(actual).startsWith(expectedText);
    case 'endsWith':
      return actual !== missing && String(actual).endsWith(expectedText);
    case 'matches':
      return actual !== missing && new RegExp(expectedText).test(String(actual));
    case 'exists':
      return actual !== missing && actual !== undefined;
    case 'isString':
      return typeof actual === 'string';
    case 'isNumber':
      return typeof actual === 'number';
    case 'isBoolean':
      return typeof actual === 'boolean';
    case 'isArray':
      return Array.isArray(actual);
    case 'isFalse':
      return actual === missing || !actual;
    case 'md5':
    case 'sha256':
    case 'sha512':
      return digest(assertion.predicate, response.body, expectedText);
    default: {
      const never: never = assertion.predicate;
      return never;
    }
  }
}

/** One assertion's outcome; a malformed one (after variables were resolved) fails with the reason. */
export function evaluateAssertion(text: string, line: number, response: ResponseUnderTest): AssertionResult {
  const parsed = parseAssertion(text, line);
  if ('problem' in parsed) {
    return { line, text, subject: null, passed: false, actual: '(not evaluated)', failure: parsed.problem };
  }
  const { assertion } = parsed;
  const { subject } = assertion;
  const actual = actualValue(assertion, response);
  if (actual instanceof NotEvaluable) {
    return { line, text, subject, passed: false, actual: '(none)', failure: actual.reason };
  }
  let passed: boolean;
  try {
    passed = holds(assertion, actual, response);
  } catch (error) {
    return {
      line,
      text,
      subject,
      passed: false,
      actual: describe(actual),
      failure: error instanceof Error ? error.message : String(error),
    };
  }
  const shown =
    assertion.subject === 'body' &&
    assertion.argument === null &&
    (assertion.predicate === 'md5' || assertion.predicate === 'sha256' || assertion.predicate === 'sha512')
      ? `${assertion.predicate} ${createHash(assertion.predicate).update(response.body).digest('base64')}`
      : describe(actual);
  return {
    line,
    text,
    subject,
    passed,
    actual: shown,
    failure: passed
      ? null
      : `expected ${assertion.subject}${assertion.argument ? ` ${assertion.argument}` : ''} ${assertion.predicate}${assertion.expected === null ? '' : ` ${assertion.expected}`}, got ${shown}`,
  };
}

export function evaluateAssertions(
  assertions: ReadonlyArray<{ text: string; line: number; origin?: AssertionOrigin }>,
  response: ResponseUnderTest,
): AssertionResult[] {
  return assertions.map((assertion) => {
    const result = evaluateAssertion(assertion.text, assertion.line, response);
    return assertion.origin === 'documentation' ? { ...result, origin: 'documentation' } : result;
  });
}
