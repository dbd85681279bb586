import { parse, type ParseEntry } from 'shell-quote';

import type { ImportWarning } from '../importTypes';

/** Shell text read into commands of words, with the variables it referred to. */
export interface ShellCommands {
  commands: string[][];
  /** `$NAME` / `${NAME}` outside single quotes, written as `{{NAME}}` in the words. */
  variables: string[];
  warnings: ImportWarning[];
}

type Quote = "'" | '"' | "$'" | null;

const commandSeparators = new Set([';', '&&', '||', '&', ';;']);

/** Length of the line end at `i` (`\n` 1, `\r\n` 2), or 0. */
function lineEndAt(text: string, i: number): number {
  return text.startsWith('\r\n', i) ? 2 : text[i] === '\n' ? 1 : 0;
}

/**
 * What bash does to lines before splitting words, made explicit for shell-quote: `\`-newline
 * continuations are removed, an unquoted line end separates commands (`;`), and an unquoted `#` at
 * the start of a word comments out the rest of its line (elsewhere it is escaped for shell-quote). Inside `'…'` a backslash is literal;
 * inside `$'…'` it escapes the next character.
 */
export function prepareShellText(text: string): string {
  let out = '';
  let quote: Quote = null;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '\\' && quote !== "'") {
      const continuation = quote !== "$'" ? lineEndAt(text, i + 1) : 0;
      if (continuation === 0) out += char + (text[i + 1] ?? '');
      i += continuation > 0 ? continuation : 1;
      continue;
    }
    if (quote === null) {
      if (lineEndAt(text, i) > 0 || (char === '\r' && text[i + 1] !== '\n')) {
        out += ' ; ';
        continue;
      }
      if (char === '#') {
        // bash: a comment only at the start of a word; shell-quote would start one anywhere
        if (i > 0 && !/\s/.test(text[i - 1])) out += '\\#';
        else while (i + 1 < text.length && lineEndAt(text, i + 1) === 0) i++;
        continue;
      }
      if (char === "'" || char === '"') quote = char === "'" && text[i - 1] === '$' ? "$'" : char;
    } else if (char === quote.slice(-1)) quote = null;
    out += char;
  }
  return out;
}

function wordOf(entry: ParseEntry): string | null {
  if (typeof entry === 'string') return entry;
  if ('op' in entry && entry.op === 'glob') return entry.pattern;
  return null;
}

/**
 * Splits shell text (bash quoting: `'…'`, `"…"`, `$'…'`, `\`-continued lines) into commands of
 * words with shell-quote. Line ends, `;`, `&&`, `||` and `&` separate commands; a pipe or a
 * redirection ends what is read of its command, with a warning.
 */
export function tokenizeShell(text: string): ShellCommands {
  const variables: string[] = [];
  const warnings: ImportWarning[] = [];
  const commands: string[][] = [];
  let words: string[] = [];
  let skipping = false;
  const entries = parse(prepareShellText(text), (name: string) => {
    if (!variables.includes(name)) variables.push(name);
    return `{{${name}}}`;
  });
  for (const entry of entries) {
    const word = wordOf(entry);
    const op = typeof entry === 'object' && 'op' in entry ? entry.op : null;
    if (word !== null) {
      if (!skipping) words.push(word);
    } else if (op !== null && commandSeparators.has(op)) {
      if (words.length > 0) commands.push(words);
      words = [];
      skipping = false;
    } else if (op !== null && !skipping) {
      skipping = true;
      const where = `after "${words.slice(0, 2).join(' ')}"`;
      warnings.push({ where, message: `The shell operator "${op}" and what follows it are ignored.` });
    }
  }
  if (words.length > 0) commands.push(words);
  return { commands, variables, warnings };
}
