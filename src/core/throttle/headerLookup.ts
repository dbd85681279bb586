import type { HeaderField } from '../model/outgoing';

/** Case-insensitive header access that remembers which names were sent more than once. */
export interface HeaderLookup {
  get(name: string): string | null;
  has(name: string): boolean;
  /** Names (lower case) that carried several values; the first value is the one used. */
  repeated(): string[];
}

export function headerLookup(headers: readonly HeaderField[]): HeaderLookup {
  const values = new Map<string, string[]>();
  for (const header of headers) {
    const key = header.name.toLowerCase();
    const list = values.get(key);
    if (list) list.push(header.value);
    else values.set(key, [header.value]);
  }
  return {
    get: (name) => values.get(name.toLowerCase())?.[0]?.trim() ?? null,
    has: (name) => values.has(name.toLowerCase()),
    repeated: () => [...values].filter(([, list]) => list.length > 1).map(([name]) => name),
  };
}
