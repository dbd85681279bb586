import type { Directive, FileVariable } from '../model/document';
import { indentOf, trimmedSlice } from './classifyLine';
import type { DiagnosticSink } from './diagnosticSink';

const knownDirectives = ['name', 'sign', 'timeout', 'no-redirect', 'insecure', 'note', 'expect-snapshot'];

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
  const name = line.slice(keyStart, i);
  let value = trimmedSlice(line, i, line.length);
  if (value.startsWith('=')) value = trimmedSlice(value, 1, value.length);
  checkDirective(name, value, lineIndex, sink);
  return { name, value, line: lineIndex + 1 };
}

function isKeyEnd(c: number): boolean {
  return c === 32 || c === 9 || c === 61;
}

function checkDirective(name: string, value: string, lineIndex: number, sink: DiagnosticSink): void {
  const key = name.toLowerCase();
  if (!knownDirectives.includes(key)) {
    sink.warning(
      lineIndex,
      'unknown-directive',
      `Unknown directive '@${name}': gwhttp ignores it. Check the spelling; the known directives are ${knownDirectives.map((k) => `@${k}`).join(', ')}.`,
    );
  } else if (key === 'name' && (value === '' || /\s/.test(value))) {
    sink.error(
      lineIndex,
      'invalid-name',
      "'# @name' needs one word (letters, digits, '_', '-'), e.g. '# @name createOrder'; other requests refer to it by that name.",
    );
  } else if (key === 'sign' && value === '') {
    sink.error(
      lineIndex,
      'sign-without-scheme',
      "'# @sign' needs a scheme, e.g. '# @sign tencent-keypair id=AKID…', or '# @sign none' to turn signing off.",
    );
  } else if (key === 'timeout' && !/^\d+$/.test(value)) {
    sink.warning(
      lineIndex,
      'invalid-timeout',
      `'# @timeout' needs a whole number of milliseconds, e.g. '# @timeout 5000'; ${value === '' ? 'it is empty' : `'${value}' is not one`} and is ignored.`,
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
