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
  const lower = name.toLowerCase();
  for (const field of headers) if (field.name.toLowerCase() === lower) return trimHeaderValue(field.value);
  return undefined;
}

export function trimHeaderValue(value: string): string {
  if (value === '') return value;
  const first = value.charCodeAt(0);
  const last = value.charCodeAt(value.length - 1);
  // Most values need no trimming: skip the regex for them.
  if (first !== 0x20 && first !== 0x09 && last !== 0x20 && last !== 0x09) return value;
  return value.replace(/^[ \t]+|[ \t]+$/g, '');
}

/**
 * Sets one header: every field whose name is in `replacing` (case-insensitive; defaults to the
 * field's own name) is removed and the new field takes the position of the first one removed, or is
 * appended when none existed. Leaves no duplicates of the replaced names.
 */
export function setHeader(
  headers: readonly HeaderField[],
  field: HeaderField,
  replacing: readonly string[] = [field.name],
): HeaderField[] {
  const lowered = replacing.map((name) => name.toLowerCase());
  const result: HeaderField[] = [];
  let placed = false;
  for (const candidate of headers) {
    if (!lowered.includes(candidate.name.toLowerCase())) result.push(candidate);
    else if (!placed) {
      result.push(field);
      placed = true;
    }
  }
  if (!placed) result.push(field);
  return result;
}

/** Removes every field for which `predicate` holds. */
export function removeHeaders(
  headers: readonly HeaderField[],
  predicate: (field: HeaderField) => boolean,
): HeaderField[] {
  return headers.filter((field) => !predicate(field));
}
