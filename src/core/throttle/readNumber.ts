/** Strict number readers for header values: they return null instead of guessing. */

/** A non-negative integer written as plain digits (surrounding spaces allowed). */
export function readCount(text: string): number | null {
  const trimmed = text.trim();
  return /^\d{1,15}$/.test(trimmed) ? Number(trimmed) : null;
}

/** A non-negative number of seconds, integer or decimal (`30`, `1.5`). */
export function readSeconds(text: string): number | null {
  const trimmed = text.trim();
  return /^\d{1,15}(\.\d+)?$/.test(trimmed) ? Number(trimmed) : null;
}
