/**
 * How much of a text an edit left alone: the length of the prefix `before` and `after` share, and of the
 * suffix they share after it (the two never overlap: `prefix + suffix` is at most the shorter length).
 */
export interface UnchangedEnds {
  prefix: number;
  suffix: number;
}

/**
 * Characters compared at once before the character-by-character step: `===` on two slices is a memcmp
 * in V8, about 30 times faster than `startsWith`/`endsWith` on a 2 MB text.
 */
const stride = 4096;

function commonPrefix(before: string, after: string, limit: number): number {
  let i = 0;
  while (i + stride <= limit && before.slice(i, i + stride) === after.slice(i, i + stride)) i += stride;
  while (i < limit && before.charCodeAt(i) === after.charCodeAt(i)) i++;
  return i;
}

function commonSuffix(before: string, after: string, limit: number): number {
  let n = 0;
  const b = before.length;
  const a = after.length;
  while (n + stride <= limit && before.slice(b - n - stride, b - n) === after.slice(a - n - stride, a - n)) n += stride;
  while (n < limit && before.charCodeAt(b - n - 1) === after.charCodeAt(a - n - 1)) n++;
  return n;
}

/** The unchanged prefix and suffix between the previous text of a document and its new text. */
export function unchangedEnds(before: string, after: string): UnchangedEnds {
  const shorter = Math.min(before.length, after.length);
  const prefix = commonPrefix(before, after, shorter);
  return { prefix, suffix: commonSuffix(before, after, shorter - prefix) };
}
