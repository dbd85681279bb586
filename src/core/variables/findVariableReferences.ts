import { type ParsedReference, parseReferenceExpression } from './variableReference';

/** A `{{…}}` occurrence in one line of text. Columns are 0-based; `endColumn` is exclusive. */
export interface VariableReference extends ParsedReference {
  /** The whole `{{…}}` text. */
  raw: string;
  line: number;
  column: number;
  endColumn: number;
}

/**
 * Finds every `{{…}}` reference in `text` (normally one line; for multi-line text the columns count
 * from the start of `text`). `line` is copied into each result. Same matches as /\{\{([^{}]*)\}\}/g,
 * without the regex (this runs on every keystroke).
 */
export function findVariableReferences(text: string, line: number): VariableReference[] {
  const references: VariableReference[] = [];
  let open = text.indexOf('{{');
  while (open >= 0) {
    const close = text.indexOf('}}', open + 2);
    if (close < 0) break;
    const inner = text.slice(open + 2, close);
    if (inner.includes('{') || inner.includes('}')) {
      open = text.indexOf('{{', open + 1);
      continue;
    }
    const { kind, expression, name, args, chain, problem, percentEncode } = parseReferenceExpression(inner);
    const raw = text.slice(open, close + 2);
    references.push({
      kind,
      expression,
      name,
      args,
      chain,
      problem,
      percentEncode,
      raw,
      line,
      column: open,
      endColumn: close + 2,
    });
    open = text.indexOf('{{', close + 2);
  }
  return references;
}

/** True when `text` holds at least one `{{…}}` reference. */
export function hasVariableReferences(text: string): boolean {
  return text.includes('{{') && /\{\{[^{}]*\}\}/.test(text);
}
