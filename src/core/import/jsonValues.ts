/** Reading JSON/YAML values of unknown shape without casts scattered around. */
export type JsonRecord = Record<string, unknown>;

export function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function recordAt(value: unknown, key: string): JsonRecord | null {
  const child = isRecord(value) ? value[key] : undefined;
  return isRecord(child) ? child : null;
}

export function arrayAt(value: unknown, key: string): unknown[] {
  const child = isRecord(value) ? value[key] : undefined;
  return Array.isArray(child) ? child : [];
}

/** A string, number or boolean at `key` as text; null when missing or another kind. */
export function textAt(value: unknown, key: string): string | null {
  const child = isRecord(value) ? value[key] : undefined;
  if (typeof child === 'string') return child;
  return typeof child === 'number' || typeof child === 'boolean' ? String(child) : null;
}
