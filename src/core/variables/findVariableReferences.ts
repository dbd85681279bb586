import { parseReferenceExpression, type ParsedReference } from './variableReference';

/** A `{{…}}` occurrence in one line of text. Columns are 0-based; `endColumn` is exclusive. */
export interface VariableReference extends ParsedReference {
  /** The whole `{{…}}` text. */
  raw: string;
  line: number;
  column: number;
  endColumn: number;
}

const referencePattern = /\{\{([^{}]*)\}\}/g;

/**
 * Finds every `{{…}}` reference in `text` (normally one line; for multi-line text the columns count
 * from the start of `text`). `line` is copied into each result.
 */
export function findVariableReferences(text: string, line: number): VariableReference[] {
  const references: VariableReference[] = [];
  for (const match of text.matchAll(referencePattern)) {
    const column = match.index ?? 0;
    references.push({
      ...parseReferenceExpression(match[1]),
      raw: match[0],
      line,
      column,
      endColumn: column + match[0].length,
    });
  }
  return references;
}

/** True when `text` holds at least one `{{…}}` reference. */
export function hasVariableReferences(text: string): boolean {
  return text.includes('{{') && /\{\{[^{}]*\}\}/.test(text);
}
