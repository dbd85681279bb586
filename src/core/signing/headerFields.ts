import type { HeaderField } from '../model/outgoing';

/** Header helpers: names compare case-insensitively, order is preserved, inputs are never mutated. */

export function sameName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** Values of every field named `name` (case-insensitive), trimmed of spaces and tabs, in order. */
export function headerValues(headers: readonly HeaderField[], name: string): string[] {
  return headers.filter((field) => sameName(field.name, name)).map((field) => trimHeaderValue(field.value));
}

/** First trimmed value of `name`, or undefined. */
export function headerValue(headers: readonly HeaderField[], name: string): string | undefined {
  return headerValues(headers, name)[0];
}

export function trimHeaderValue(value: string): string {
  return value.replace(/^[ \t]+|[ \t]+$/g, '');
}

/**
 * Sets one header: every field whose name is in `replacing` (case-insensitive; defaults to the
 * field's own name) is removed and the new field takes the position of the first one removed, or is
 * appended when none existed. Leaves no duplicates of the replaced names.
 */
export function setHeader(headers: readonly HeaderField[], field: HeaderField, replacing: readonly string[] = [field.name]): HeaderField[] {
  const isReplaced = (candidate: HeaderField) => replacing.some((name) => sameName(candidate.name, name));
  const position = headers.findIndex(isReplaced);
  const kept = headers.filter((candidate) => !isReplaced(candidate));
  if (position < 0) return [...kept, field];
  const keptBefore = headers.slice(0, position).filter((candidate) => !isReplaced(candidate)).length;
  return [...kept.slice(0, keptBefore), field, ...kept.slice(keptBefore)];
}

/** Removes every field for which `predicate` holds. */
export function removeHeaders(headers: readonly HeaderField[], predicate: (field: HeaderField) => boolean): HeaderField[] {
  return headers.filter((field) => !predicate(field));
}
