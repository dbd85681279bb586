import type { ParsedDocument } from '../model/document';
import { referencedRequestNames } from '../variables/referencedRequestNames';

/** `--shard I/N`: this machine runs the I-th of N parts (1-based). */
export interface Shard {
  index: number;
  count: number;
}

/** `2/4` → `{ index: 2, count: 4 }`; null when it is not `I/N` with 1 ≤ I ≤ N. */
export function parseShard(text: string): Shard | null {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  if (!match) return null;
  const index = Number(match[1]);
  const count = Number(match[2]);
  return index >= 1 && count >= 1 && index <= count ? { index, count } : null;
}

/** The chosen requests of one file. */
export interface FileRequests {
  document: ParsedDocument;
  indexes: readonly number[];
}

/**
 * The chosen requests split into chaining groups: requests that refer to one another's exchanges
 * (`{{login.response…}}`), directly or through others, are one group, in file order.
 */
export function chainingGroups(file: FileRequests): number[][] {
  const { document } = file;
  const parent = new Map<number, number>(file.indexes.map((index) => [index, index]));
  const root = (index: number): number => {
    let current = index;
    while (parent.get(current) !== current) current = parent.get(current)!;
    return current;
  };
  const byName = new Map(document.requests.filter((r) => r.name !== null).map((r) => [r.name!, r.index]));
  for (const index of file.indexes) {
    for (const name of referencedRequestNames(document.requests[index], document)) {
      const other = byName.get(name);
      if (other === undefined || !parent.has(other)) continue;
      const [a, b] = [root(index), root(other)];
      if (a !== b) parent.set(Math.max(a, b), Math.min(a, b));
    }
  }
  const groups = new Map<number, number[]>();
  for (const index of [...file.indexes].sort((a, b) => a - b)) {
    const key = root(index);
    groups.set(key, [...(groups.get(key) ?? []), index]);
  }
  return [...groups.values()];
}

/**
 * This shard's requests of every file: the run's chaining groups, in file order, dealt out to the N
 * shards in turn (group g to shard g mod N + 1). Deterministic, never splits a group, and the shards
 * together hold every chosen request exactly once.
 */
export function shardRequests(files: readonly FileRequests[], shard: Shard): number[][] {
  let position = 0;
  return files.map((file) => {
    const kept: number[] = [];
    for (const group of chainingGroups(file)) {
      if (position % shard.count === shard.index - 1) kept.push(...group);
      position++;
    }
    return kept;
  });
}
