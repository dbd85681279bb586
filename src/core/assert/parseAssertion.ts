import type { Assertion, AssertionPredicate, AssertionSubject } from './assertion';

/** Predicate words and their aliases (httpYac's), longest symbols first so `>=` is not read as `>`. */
const predicateAliases: ReadonlyArray<[string, AssertionPredicate]> = [
  ['==', '=='],
  ['!=', '!='],
  ['>=', '>='],
  ['<=', '<='],
  ['>', '>'],
  ['<', '<'],
  ['equals', '=='],
  ['notEquals', '!='],
  ['gte', '>='],
  ['lte', '<='],
  ['gt', '>'],
  ['lt', '<'],
  ['includes', 'includes'],
  ['contains', 'includes'],
  ['startsWith', 'startsWith'],
  ['endsWith', 'endsWith'],
  ['matches', 'matches'],
  ['exists', 'exists'],
  ['isString', 'isString'],
  ['isNumber', 'isNumber'],
  ['isBoolean', 'isBoolean'],
  ['isArray', 'isArray'],
  ['isFalse', 'isFalse'],
  ['md5', 'md5'],
  ['sha256', 'sha256'],
  ['sha512', 'sha512'],
];

const noValuePredicates: ReadonlySet<AssertionPredicate> = new Set([
  'exists',
  'isString',
  'isNumber',
  'isBoolean',
  'isArray',
  'isFalse',
]);
const subjects: ReadonlySet<string> = new Set(['status', 'header', 'body', 'duration']);
/** httpYac subjects gwhttp does not evaluate (they run JavaScript or need an XML parser). */
export const unsupportedSubjects: ReadonlySet<string> = new Set(['js', 'xpath']);

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const predicatePattern = predicateAliases
  .map(([word]) => (/^\w/.test(word) ? `${escape(word)}\\b` : escape(word)))
  .join('|');
const shape = new RegExp(`^(\\S+)(?:\\s+(.*?))?\\s*(?:^|\\s)(${predicatePattern})(?:\\s+(.*))?$`, 'i');

export type ParsedAssertion = { assertion: Assertion } | { problem: string; unsupported: boolean };

const usage =
  'write ?? SUBJECT [ARGUMENT] PREDICATE [VALUE], e.g. ?? status == 200, ?? header content-type includes json, ?? body $.id == 7 or ?? duration < 500';

/** Reads the text after `??` (line 1-based). */
export function parseAssertion(text: string, line: number): ParsedAssertion {
  const trimmed = text.trim();
  const subjectWord = trimmed.split(/\s+/, 1)[0]?.toLowerCase() ?? '';
  if (unsupportedSubjects.has(subjectWord)) {
    return {
      problem: `"?? ${subjectWord} …" checks run JavaScript or XPath, which gwhttp does not: this assertion is ignored. Use status, header, body or duration.`,
      unsupported: true,
    };
  }
  const match = shape.exec(trimmed);
  if (!match) return { problem: `"?? ${trimmed}" is not an assertion: ${usage}.`, unsupported: false };
  const [, subjectText, argumentText, predicateText, expectedText] = match;
  const subject = subjectText.toLowerCase();
  if (!subjects.has(subject)) {
    return {
      problem: `unknown assertion subject "${subjectText}": use status, header, body or duration (${usage}).`,
      unsupported: false,
    };
  }
  const predicate = predicateAliases.find(([word]) => word.toLowerCase() === predicateText.toLowerCase())![1];
  const argument = argumentText?.trim() ? argumentText.trim() : null;
  const expected = expectedText?.trim() ? expectedText.trim() : null;
  const problem = shapeProblem(subject as AssertionSubject, argument, predicate, expected);
  if (problem) return { problem: `"?? ${trimmed}": ${problem}.`, unsupported: false };
  return { assertion: { line, text: trimmed, subject: subject as AssertionSubject, argument, predicate, expected } };
}

function shapeProblem(
  subject: AssertionSubject,
  argument: string | null,
  predicate: AssertionPredicate,
  expected: string | null,
): string | null {
  if ((subject === 'status' || subject === 'duration') && argument !== null) {
    return `${subject} takes no argument before the predicate`;
  }
  if (subject === 'header' && argument === null) return 'name the header: ?? header content-type includes json';
  if (
    (predicate === 'md5' || predicate === 'sha256' || predicate === 'sha512') &&
    (subject !== 'body' || argument !== null)
  ) {
    return `${predicate} checks the whole body: ?? body ${predicate} DIGEST`;
  }
  if (noValuePredicates.has(predicate)) return expected === null ? null : `${predicate} takes no value`;
  return expected === null ? `${predicate} needs a value to compare with` : null;
}
