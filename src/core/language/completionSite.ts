import { blockHeadingKind, type BlockKind } from './documentLines';

/**
 * What the user is typing at a position, decided from the text before the cursor and the lines
 * above it. `startColumn` (0-based) is where the typed prefix starts: the completion replaces
 * [startColumn, cursor).
 */
export type CompletionSite =
  | { kind: 'variable'; prefix: string; startColumn: number; hasClosing: boolean }
  | { kind: 'directive'; prefix: string; startColumn: number }
  | { kind: 'signScheme'; prefix: string; startColumn: number }
  | { kind: 'signOption'; prefix: string; startColumn: number; used: string[] }
  | { kind: 'signOptionValue'; option: string; prefix: string; startColumn: number }
  | { kind: 'method'; prefix: string; startColumn: number }
  | { kind: 'headerName'; prefix: string; startColumn: number }
  | { kind: 'headerValue'; header: string; prefix: string; startColumn: number }
  | { kind: 'assertionSubject'; prefix: string; startColumn: number }
  | { kind: 'assertionPredicate'; prefix: string; startColumn: number };

/** Where a line sits: in a header section, the Method block, or elsewhere (preamble, body, prose). */
type LineSection = 'headers' | 'method' | 'body' | 'preamble' | 'other';

const directivePrefix = /^\s*(?:#|\/\/)\s*@/;

/**
 * @param lines the document's lines; @param line 1-based; @param column 0-based cursor column.
 * @param requestLines 1-based lines of line-form request lines (from the parsed document).
 */
export function completionSiteAt(
  lines: readonly string[],
  line: number,
  column: number,
  requestLines: ReadonlySet<number>,
): CompletionSite | null {
  const text = lines[line - 1] ?? '';
  const before = text.slice(0, column);
  const variable = variableSite(text, before);
  if (variable) return variable;
  if (directivePrefix.test(before)) return directiveSite(before);
  if (/^\s*\?\?/.test(before)) return assertionSite(before);
  const section = sectionOf(lines, line, requestLines);
  if (section === 'headers') return headerSite(before);
  const word = /^\s*([A-Za-z]*)$/.exec(before);
  if (word && (section === 'preamble' || section === 'method')) {
    return { kind: 'method', prefix: word[1], startColumn: before.length - word[1].length };
  }
  return null;
}

function variableSite(text: string, before: string): CompletionSite | null {
  const open = before.lastIndexOf('{{');
  if (open < 0 || before.indexOf('}}', open) >= 0) return null;
  const inside = /^\s*([^{}\s]*)$/.exec(before.slice(open + 2));
  if (!inside) return null;
  const after = text.slice(before.length);
  return {
    kind: 'variable',
    prefix: inside[1],
    startColumn: before.length - inside[1].length,
    hasClosing: /^[^{}\s]*\s*\}\}/.test(after),
  };
}

function directiveSite(before: string): CompletionSite | null {
  const key = /^\s*(?:#|\/\/)\s*@([\w-]*)$/.exec(before);
  if (key) return { kind: 'directive', prefix: key[1], startColumn: before.length - key[1].length };
  const sign = /^\s*(?:#|\/\/)\s*@sign\s+(.*)$/.exec(before);
  if (!sign) return null;
  const rest = sign[1];
  const scheme = /^([\w-]*)$/.exec(rest);
  if (scheme) return { kind: 'signScheme', prefix: scheme[1], startColumn: before.length - scheme[1].length };
  const value = /(?:^|\s)([\w-]+)="?([^\s"=]*)$/.exec(rest);
  if (value) {
    return {
      kind: 'signOptionValue',
      option: value[1],
      prefix: value[2],
      startColumn: before.length - value[2].length,
    };
  }
  const option = /\s([\w-]*)$/.exec(rest);
  if (!option) return null;
  const used = [...rest.matchAll(/([\w-]+)=/g)].map((match) => match[1]);
  return { kind: 'signOption', prefix: option[1], startColumn: before.length - option[1].length, used };
}

/** `?? |` → a subject; `?? status |`, `?? header content-type |`, `?? body $.id |` → a predicate. */
function assertionSite(before: string): CompletionSite | null {
  const subject = /^\s*\?\?\s*([A-Za-z]*)$/.exec(before);
  if (subject) return { kind: 'assertionSubject', prefix: subject[1], startColumn: before.length - subject[1].length };
  const predicate = /^\s*\?\?\s*(?:(?:status|duration)|(?:header|body)(?:\s+\S+)?)\s+([A-Za-z=!<>]*)$/i.exec(before);
  if (predicate) {
    return { kind: 'assertionPredicate', prefix: predicate[1], startColumn: before.length - predicate[1].length };
  }
  return null;
}

function headerSite(before: string): CompletionSite | null {
  const name = /^\s*(?:<pre>)?(?:<code>)?([\w-]*)$/.exec(before);
  if (name) return { kind: 'headerName', prefix: name[1], startColumn: before.length - name[1].length };
  const value = /^\s*(?:<pre>)?(?:<code>)?([\w-]+)\s*:\s*(.*)$/.exec(before);
  if (!value) return null;
  return { kind: 'headerValue', header: value[1], prefix: value[2], startColumn: before.length - value[2].length };
}

const separator = /^\s*(?:###(?:\s.*)?|####+\s*)$/;

/** Walks up from `line` to find what the line belongs to (at most 1,000 lines, to stay fast). */
function sectionOf(lines: readonly string[], line: number, requestLines: ReadonlySet<number>): LineSection {
  for (let current = line - 1; current >= 1 && current >= line - 1000; current--) {
    const text = lines[current - 1];
    if (requestLines.has(current)) return 'headers';
    const heading = blockHeadingKind(text);
    if (heading) return blockSection(heading.kind);
    if (separator.test(text)) return 'preamble';
    if (text.trim() === '' && hasRequestLineAbove(lines, current, requestLines)) return 'body';
  }
  return 'preamble';
}

function blockSection(kind: BlockKind): LineSection {
  if (kind === 'headers') return 'headers';
  if (kind === 'method') return 'method';
  return kind === 'body' ? 'body' : 'other';
}

/** Whether a request line comes before `line` in the same region (then a blank line above means body). */
function hasRequestLineAbove(lines: readonly string[], line: number, requestLines: ReadonlySet<number>): boolean {
  for (let current = line - 1; current >= 1 && current >= line - 5000; current--) {
    if (requestLines.has(current)) return true;
    if (separator.test(lines[current - 1])) return false;
  }
  return false;
}
