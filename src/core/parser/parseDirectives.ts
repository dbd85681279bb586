import { type Directive, type DirectiveName, directiveNames, type FileVariable } from '../model/document';
import { indentOf, trimmedSlice } from './classifyLine';
import type { DiagnosticSink } from './diagnosticSink';

/** Known directives by their folded spelling (lower case, no `-` or `_`): `noredirect` → `no-redirect`. */
const byFoldedName = new Map<string, DirectiveName>(directiveNames.map((name) => [fold(name), name]));

const knownList = directiveNames.map((name) => `@${name}`).join(', ');

function fold(name: string): string {
  return name.toLowerCase().replace(/[-_]/g, '');
}

/**
 * The known directive a key names: case-insensitive, and `-`, `_` or nothing between words
 * (`@Note`, `@NOTE`, `@no_redirect`, `@noRedirect` as httpYac writes it), or null.
 */
export function directiveKeyOf(name: string): DirectiveName | null {
  return byFoldedName.get(fold(name)) ?? null;
}

/**
 * Parses a directive line (`# @key value` or `// @key value`), checks it and reports problems.
 * `@key=value` and `@key = value` are accepted too.
 */
export function parseDirective(line: string, lineIndex: number, sink: DiagnosticSink): Directive {
  let i = indentOf(line);
  i += line.charCodeAt(i) === 35 ? 1 : 2;
  i = line.indexOf('@', i) + 1;
  const keyStart = i;
  while (i < line.length && !isKeyEnd(line.charCodeAt(i))) i++;
  const exact = exactDirectiveAt(line, keyStart, i);
  const name = exact ?? line.slice(keyStart, i);
  let value = trimmedSlice(line, i, line.length);
  if (value.startsWith('=')) value = trimmedSlice(value, 1, value.length);
  const key = exact ?? directiveKeyOf(name);
  if (key === null) reportUnknown(name, lineIndex, sink);
  else checkValue(key, value, lineIndex, sink);
  return { name, key, value, line: lineIndex + 1 };
}

/** The known directive written exactly in its canonical spelling at `start`…`end`, without a copy. */
function exactDirectiveAt(line: string, start: number, end: number): DirectiveName | null {
  for (const name of directiveNames) if (name.length === end - start && line.startsWith(name, start)) return name;
  return null;
}

function isKeyEnd(c: number): boolean {
  return c === 32 || c === 9 || c === 61;
}

/**
 * A directive of another tool (`@ref`, `@import`) is a hint; one a letter away from a known directive
 * (`@noet`, `@timout`) is a warning, since the request would silently go without what it asks for.
 */
function reportUnknown(name: string, lineIndex: number, sink: DiagnosticSink): void {
  const near = directiveNames.find((known) => withinOneEdit(fold(name), fold(known)));
  if (near) {
    sink.warning(
      lineIndex,
      'misspelt-directive',
      `Unknown directive '@${name}': did you mean '@${near}'? gwhttp ignores '@${name}', so this request is sent without it.`,
    );
    return;
  }
  sink.add(
    lineIndex,
    'hint',
    'unknown-directive',
    `gwhttp does not know the directive '@${name}' (another tool's?) and ignores it; the known directives are ${knownList}.`,
  );
}

/** True when `a` becomes `b` by one insertion, deletion, substitution or swap of neighbours. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b || Math.abs(a.length - b.length) > 1) return a === b;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const swapped = a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  return swapped || a.slice(i + 1) === b.slice(i + 1) || a.slice(i) === b.slice(i + 1) || a.slice(i + 1) === b.slice(i);
}

function checkValue(key: DirectiveName, value: string, lineIndex: number, sink: DiagnosticSink): void {
  if (key === 'name' && value === '') {
    sink.error(
      lineIndex,
      'invalid-name',
      "'# @name' needs a name, e.g. '# @name createOrder'; other requests refer to it by that name.",
    );
  } else if (key === 'sign' && value === '') {
    sink.error(
      lineIndex,
      'sign-without-scheme',
      "'# @sign' needs a scheme, e.g. '# @sign tencent-keypair id=AKID…', or '# @sign none' to turn signing off.",
    );
  } else if (key === 'prompt' && !/^[A-Za-z_][\w.-]*(\s|$)/.test(value)) {
    sink.warning(
      lineIndex,
      'invalid-prompt',
      `'# @prompt' needs a variable name, then an optional description, e.g. '# @prompt orderId Order to cancel'; ${value === '' ? 'it is empty' : `'${value.split(/\s/)[0]}' is not a name`} and is ignored.`,
    );
  } else if (key === 'save' && value === '') {
    sink.warning(
      lineIndex,
      'save-without-path',
      "'# @save' needs a path for the response body, e.g. '# @save ./out/order.json'; without one it is ignored.",
    );
  } else if ((key === 'repeat' || key === 'parallel') && !/^[1-9]\d*$/.test(value)) {
    sink.warning(
      lineIndex,
      `invalid-${key}`,
      `'# @${key}' needs a whole number of 1 or more, e.g. '# @${key} 5'; ${value === '' ? 'it is empty' : `'${value}' is not one`} and is ignored.`,
    );
  } else if (key === 'auth' && !/^oauth2\s+\S+$/i.test(value)) {
    sink.warning(
      lineIndex,
      'invalid-auth',
      `'# @auth' needs 'oauth2 NAME' (a configuration under "$oauth2" in the environment), e.g. '# @auth oauth2 api'; ${value === '' ? 'it is empty' : `'${value}' is not that`} and is ignored.`,
    );
  } else if (key === 'timeout' && !/^\d+$/.test(value)) {
    sink.warning(
      lineIndex,
      'invalid-timeout',
      `'# @timeout' needs a whole number of milliseconds, e.g. '# @timeout 5000'; ${value === '' ? 'it is empty' : `'${value}' is not one`} and is ignored.`,
    );
  }
}

/**
 * Warns about a known directive written twice for one request: the first one applies (`directiveOf`).
 * `@sign` is left to the signing check, which reports its repeats itself (`sign-directive-repeated`);
 * `@prompt` is meant to be written once per variable asked for.
 */
export function warnRepeatedDirectives(directives: readonly Directive[], sink: DiagnosticSink): void {
  // A request has a handful of directives: scanning back is cheaper than a Set per request.
  for (let index = 1; index < directives.length; index++) {
    const directive = directives[index];
    if (directive.key === null || directive.key === 'sign' || directive.key === 'prompt') continue;
    let earlier = index - 1;
    while (earlier >= 0 && directives[earlier].key !== directive.key) earlier--;
    if (earlier === -1) continue;
    sink.warning(
      directive.line - 1,
      'directive-repeated',
      `'@${directive.key}' is given twice for this request: only the first one applies; remove this one.`,
    );
  }
}

/** Parses an `@name = value` file variable line (the value is trimmed). */
export function parseVariable(line: string, lineIndex: number): FileVariable {
  const start = indentOf(line) + 1;
  const equals = line.indexOf('=', start);
  return {
    name: trimmedSlice(line, start, equals),
    value: trimmedSlice(line, equals + 1, line.length),
    line: lineIndex + 1,
  };
}
