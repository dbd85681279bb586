import { parseAssertion } from '../assert/parseAssertion';
import type { AssertionLine, ResponseSaveLine } from '../model/document';
import { indentOf } from './classifyLine';
import type { DiagnosticSink } from './diagnosticSink';
import type { SourceText } from './sourceText';

/**
 * JetBrains/httpYac script and response-handler lines, which gwhttp does not run:
 * `> {% … %}`, `< {% … %}` (multi-line), `> handler.js`, `>> file`, `>>! file`, `<> file`.
 * httpYac `?? assertion` lines are recognised too. Returns the kind a line starts, or null.
 */
export function scriptKind(line: string): 'script' | 'line' | 'assertion' | null {
  const start = indentOf(line);
  const c = line.charCodeAt(start);
  if (c === 63 && line.charCodeAt(start + 1) === 63) return 'assertion';
  if (c !== 62 && c !== 60) return null;
  const rest = line.slice(start).trimEnd();
  if (rest.startsWith('> {%') || rest.startsWith('< {%')) return 'script';
  if (c === 62 && rest.startsWith('> ') && rest.endsWith('.js') && !rest.includes(' ', 2)) return 'line';
  if (rest.startsWith('>>! ') || rest.startsWith('<> ')) return 'line';
  if (rest.startsWith('>> ') && !rest.slice(3).trim().includes(' ')) return 'line';
  return null;
}

/**
 * True for JetBrains' pre-request script file, `< script.js`, which only means that before the request
 * line (in a body, `< file` sends the file).
 */
export function isPreRequestScriptFile(source: SourceText, index: number, sink: DiagnosticSink): boolean {
  if (source.firstCode(index) !== 60 || !/^\s*<\s+\S+\.js\s*$/.test(source.line(index))) return false;
  sink.warning(
    index,
    'unsupported-script',
    "Pre-request scripts ('< script.js' before the request line) are not run by gwhttp: this line is ignored.",
  );
  return true;
}

/** `scriptKind` of line `index`, without copying lines that cannot start a script. */
export function scriptKindAt(source: SourceText, index: number): 'script' | 'line' | 'assertion' | null {
  const c = source.firstCode(index);
  return c === 60 || c === 62 || c === 63 ? scriptKind(source.line(index)) : null;
}

/**
 * An httpYac `?? …` assertion line: kept in `assertions` when it reads as one (a malformed one is an
 * error, a `js`/`xpath` one a warning, and both are left out); before the request line (no
 * `assertions` to add to) it applies to nothing and is only warned about.
 */
function takeAssertion(
  source: SourceText,
  index: number,
  sink: DiagnosticSink,
  assertions: AssertionLine[] | null,
): void {
  if (assertions === null) {
    sink.warning(
      index,
      'assertion-before-request',
      "This '?? …' assertion comes before the request line, so it checks nothing: move it below the request (after its headers or body).",
    );
    return;
  }
  const line = source.line(index);
  const text = line.slice(line.indexOf('??') + 2).trim();
  const parsed = parseAssertion(text, index + 1);
  if ('problem' in parsed) {
    if (parsed.unsupported) sink.warning(index, 'unsupported-assertion', parsed.problem);
    else sink.error(index, 'bad-assertion', parsed.problem);
    return;
  }
  assertions.push({ text, line: index + 1 });
}

/** A JetBrains output redirect, `>> path` or `>>! path`, or null for any other line. */
function responseSaveLine(line: string, index: number): ResponseSaveLine | null {
  const match = /^\s*>>(!?)\s+(\S.*?)\s*$/.exec(line);
  return match ? { path: match[2], overwrite: match[1] === '!', line: index + 1 } : null;
}

function takeSave(save: ResponseSaveLine, saves: ResponseSaveLine[], sink: DiagnosticSink): void {
  if (saves.length > 0) {
    sink.warning(
      save.line - 1,
      'save-repeated',
      `The response is already written to ${saves[0].path} (line ${saves[0].line}): only the first '>>' line applies; remove this one.`,
    );
    return;
  }
  saves.push(save);
}

/**
 * Skips the script or handler that starts at `index` and warns that it is ignored; an assertion is
 * taken into `assertions` instead. Returns the index of the last line it covers (the `%}` line of a
 * script, or `index` for one-line handlers and assertions).
 */
export function skipScript(
  source: SourceText,
  index: number,
  end: number,
  sink: DiagnosticSink,
  assertions: AssertionLine[] | null = null,
  saves: ResponseSaveLine[] | null = null,
): number {
  const first = source.line(index);
  const kind = scriptKind(first);
  if (kind === 'assertion') {
    takeAssertion(source, index, sink, assertions);
    return index;
  }
  const save = saves === null ? null : responseSaveLine(first, index);
  if (save) {
    takeSave(save, saves ?? [], sink);
    return index;
  }
  if (kind === 'line') {
    sink.warning(
      index,
      'unsupported-handler',
      'Response handlers (> file.js, <> file) are not supported by gwhttp: this line is ignored and not sent. Remove it if the file is only used with gwhttp.',
    );
    return index;
  }
  const open = first.indexOf('{%');
  let last = first.indexOf('%}', open + 2) !== -1 ? index : -1;
  for (let i = index + 1; last === -1 && i < end; i++) {
    if (source.line(i).includes('%}')) last = i;
  }
  if (last === -1) {
    sink.error(
      index,
      'unterminated-script',
      "This '{%' script has no closing '%}': close it, or remove it (gwhttp does not run scripts).",
    );
    return end - 1;
  }
  sink.warning(
    index,
    'unsupported-script',
    `Scripts ('{% … %}', lines ${index + 1}–${last + 1}) are not run by gwhttp: they are ignored and not sent. Use '# @name' and {{name.response.body.$.field}} to chain requests.`,
  );
  return last;
}
