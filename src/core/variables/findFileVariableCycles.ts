import type { FileVariable } from '../model/document';
import { findVariableReferences } from './findVariableReferences';
import { fileVariableMap } from './variableSources';

/** Each cycle among file variables (`@a = {{b}}`, `@b = {{a}}`) once, as the names in order. */
export function findFileVariableCycles(variables: FileVariable[]): string[][] {
  const byName = fileVariableMap(variables);
  const edges = new Map<string, string[]>();
  for (const [name, variable] of byName) {
    const targets = findVariableReferences(variable.value, variable.line)
      .filter((reference) => reference.kind === 'plain' && byName.has(reference.name))
      .map((reference) => reference.name);
    edges.set(name, targets);
  }
  const cycles: string[][] = [];
  const seen = new Set<string>();
  const finished = new Set<string>();
  const walk = (name: string, stack: string[]): void => {
    if (finished.has(name)) return;
    const start = stack.indexOf(name);
    if (start >= 0) {
      const cycle = stack.slice(start);
      const key = [...cycle].sort().join('\u0000');
      if (!seen.has(key)) {
        seen.add(key);
        cycles.push(cycle);
      }
      return;
    }
    for (const target of edges.get(name) ?? []) walk(target, [...stack, name]);
    finished.add(name);
  };
  for (const name of byName.keys()) walk(name, []);
  return cycles;
}
