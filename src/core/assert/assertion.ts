/**
 * A check of a response, written as httpYac writes it: `?? SUBJECT [ARGUMENT] PREDICATE [EXPECTED]`,
 * e.g. `?? status == 200`, `?? header content-type includes json`, `?? body $.items[0].id == 7`,
 * `?? body fewestCoins exists`, `?? duration < 500`.
 */
import type { AssertionOrigin } from '../model/document';

export type AssertionSubject = 'status' | 'header' | 'body' | 'duration';

export type AssertionPredicate =
  | '=='
  | '!='
  | '<'
  | '<='
  | '>'
  | '>='
  | 'includes'
  | 'startsWith'
  | 'endsWith'
  | 'matches'
  | 'exists'
  | 'isString'
  | 'isNumber'
  | 'isBoolean'
  | 'isArray'
  | 'isFalse'
  | 'md5'
  | 'sha256'
  | 'sha512';

export interface Assertion {
  line: number;
  /** The text after `??`, as written (variables resolved when it comes from a prepared request). */
  text: string;
  subject: AssertionSubject;
  /** Header name, or body path (`$.a.b` JSONPath, or `a.b[0]` as httpYac writes it); null for none. */
  argument: string | null;
  predicate: AssertionPredicate;
  /** Null for predicates that take no value (`exists`, `isArray`, …). */
  expected: string | null;
}

/** How one assertion came out. */
export interface AssertionResult {
  line: number;
  text: string;
  /** What it checked; null when it could not be read (a malformed assertion after variables were resolved). */
  subject: AssertionSubject | null;
  passed: boolean;
  /** The value found, as text (`(none)` when the header or path is missing). */
  actual: string;
  /** Why it failed, or null when it passed. */
  failure: string | null;
  /** `documentation` for a check a gateway document's response sample states; absent for a `??` line. */
  origin?: AssertionOrigin;
}
