import type { Diagnostic } from '../model/diagnostic';
import type { ParsedDocument, ParsedRequest } from '../model/document';
import { findFileVariableCycles } from './findFileVariableCycles';
import { findVariableReferences, type VariableReference } from './findVariableReferences';
import { promptedNames } from './requestPrompts';
import { checkSystemVariable } from './systemVariables';
import { plainLookupName } from './variableReference';
import type { VariableScope } from './variableScope';
import { fileVariableMap } from './variableSources';

export interface ScannedLine {
  line: number;
  text: string;
  /** Column of `text[0]` in the document line (exact when the document text is given). */
  offset: number;
  /** Names the line's request asks for (`# @prompt name`): defined there. Absent: none. */
  prompted?: ReadonlySet<string>;
}

/**
 * Diagnostics for `{{…}}` references: unresolved plain names (neither file variables nor in
 * `knownNames`, the environment / `.env` / `--var` names the caller knows), malformed system and
 * chaining references, chaining to a request name the file does not have, and file variable cycles.
 * Pass the document `text` for exact columns; without it columns are estimated from the parsed parts.
 */
export function checkVariables(
  document: ParsedDocument,
  knownNames: Set<string>,
  text?: string,
  unselected: VariableScope['unselected'] = null,
): Diagnostic[] {
  const found = referenceFindings(scannedLines(document, text), referenceContext(document, knownNames, unselected));
  return [...found.diagnostics, ...fileFindings(document, found.waiting, unselected)];
}

/** What decides whether a reference is a problem, besides its own text. */
export interface ReferenceContext {
  isDefined: (name: string) => boolean;
  requestNames: ReadonlySet<string>;
  unselected: VariableScope['unselected'];
}

/** A reference to a variable only an unselected environment defines (reported once for the file). */
export interface WaitingReference {
  reference: VariableReference;
  offset: number;
}

export function referenceContext(
  document: ParsedDocument,
  knownNames: Set<string>,
  unselected: VariableScope['unselected'],
): ReferenceContext {
  const fileVariables = fileVariableMap(document.variables);
  const requestNames = new Set(document.requests.flatMap((request) => (request.name ? [request.name] : [])));
  const isDefined = (name: string): boolean => fileVariables.has(name) || knownNames.has(name);
  return { isDefined, requestNames, unselected };
}

/**
 * The problems of the references on some lines (the editor checks a file chunk by chunk), in line order,
 * and the references left waiting for an environment.
 */
export function referenceFindings(
  lines: readonly ScannedLine[],
  context: ReferenceContext,
): { diagnostics: Diagnostic[]; waiting: WaitingReference[] } {
  const diagnostics: Diagnostic[] = [];
  const waiting: WaitingReference[] = [];
  for (const scanned of lines) {
    const prompted = scanned.prompted;
    const isDefined = prompted ? (name: string) => prompted.has(name) || context.isDefined(name) : context.isDefined;
    for (const reference of findVariableReferences(scanned.text, scanned.line)) {
      const message = referenceProblem(reference, isDefined, context.requestNames);
      const waits = message?.code === 'unresolved-variable' || message?.code === unknownOAuth2Code;
      if (waits && context.unselected?.definedIn.has(lookupKey(reference))) {
        waiting.push({ reference, offset: scanned.offset });
      } else if (message) diagnostics.push(toDiagnostic(reference, scanned.offset, message));
    }
  }
  return { diagnostics, waiting };
}

/** The findings of the whole file: the one "environment not selected" diagnostic, and file variable cycles. */
export function fileFindings(
  document: ParsedDocument,
  waiting: readonly WaitingReference[],
  unselected: VariableScope['unselected'],
): Diagnostic[] {
  const found = unselected && waiting.length > 0 ? [environmentNotSelected(waiting, unselected)] : [];
  return [...found, ...cycleDiagnostics(document)];
}

export const environmentNotSelectedCode = 'environment-not-selected';

/**
 * One information diagnostic, at the first of them, for the variables only an environment defines
 * while none applies to the file (it has several): send fails until one is selected.
 */
function environmentNotSelected(
  waiting: readonly WaitingReference[],
  unselected: NonNullable<VariableScope['unselected']>,
): Diagnostic {
  const names = [...new Set(waiting.map(({ reference }) => `{{${lookupKey(reference)}}}`))];
  const shown = names.length > 3 ? `${names.slice(0, 3).join(', ')} and ${names.length - 3} more` : names.join(', ');
  const why =
    unselected.ignored === null
      ? 'No environment is selected'
      : `The selected environment "${unselected.ignored}" is not defined for this file`;
  const first = waiting[0];
  return toDiagnostic(first.reference, first.offset, {
    code: environmentNotSelectedCode,
    text: `${why}: ${shown} ${names.length === 1 ? 'comes' : 'come'} from its environments (${unselected.available.join(', ')}). Select one to send (GW HTTP: Select Environment, or --env NAME).`,
    severity: 'info',
  });
}

const unknownOAuth2Code = 'unknown-oauth2-config';

/** The name a reference is known by in the scope: `$oauth2 NAME` for an OAuth2 token, else its name. */
function lookupKey(reference: VariableReference): string {
  return reference.kind === 'system' && reference.name === '$oauth2' ? `$oauth2 ${reference.args[0]}` : reference.name;
}

function referenceProblem(
  reference: VariableReference,
  isDefined: (name: string) => boolean,
  requestNames: ReadonlySet<string>,
): { code: string; text: string } | null {
  if (reference.kind === 'system') {
    const problem = checkSystemVariable(reference.name, reference.args);
    if (problem) return { code: 'bad-system-variable', text: `${reference.raw}: ${problem}` };
    if (reference.name !== '$oauth2' || isDefined(lookupKey(reference))) return null;
    return {
      code: unknownOAuth2Code,
      text: `${reference.raw}: no OAuth2 configuration "${reference.args[0]}" under "$oauth2" in the environment (gwhttp.env.json)`,
    };
  }
  if (isDefined(plainLookupName(reference))) return null;
  if (reference.problem) return { code: 'bad-variable-reference', text: `${reference.raw}: ${reference.problem}` };
  if (reference.kind === 'chain' && reference.chain) {
    return requestNames.has(reference.chain.requestName)
      ? null
      : {
          code: 'unknown-request',
          text: `${reference.raw}: no request in this file has "# @name ${reference.chain.requestName}"`,
        };
  }
  return {
    code: 'unresolved-variable',
    text: `Variable {{${reference.name}}} is not defined: add "@${reference.name} = …" to the file or "${reference.name}" to the selected environment (gwhttp.env.json) or .env`,
  };
}

function toDiagnostic(
  reference: VariableReference,
  offset: number,
  message: { code: string; text: string; severity?: Diagnostic['severity'] },
): Diagnostic {
  return {
    line: reference.line,
    severity: message.severity ?? 'error',
    message: message.text,
    code: message.code,
    column: reference.column + offset,
    endColumn: reference.endColumn + offset,
  };
}

function cycleDiagnostics(document: ParsedDocument): Diagnostic[] {
  const byName = fileVariableMap(document.variables);
  return findFileVariableCycles(document.variables).map((cycle) => {
    const first = byName.get(cycle[0]);
    return {
      line: first?.line ?? 1,
      severity: 'error' as const,
      message: `File variables form a cycle: ${[...cycle, cycle[0]].join(' → ')}; one of them must not refer back`,
      code: 'variable-cycle',
    };
  });
}

function scannedLines(document: ParsedDocument, text: string | undefined): ScannedLine[] {
  if (text !== undefined) {
    const lines = text.split(/\r\n|\r|\n/);
    return candidateLines(document, (line) => lines[line - 1] ?? '');
  }
  return [
    ...document.variables.map((variable) => ({
      line: variable.line,
      text: variable.value,
      offset: `@${variable.name} = `.length,
    })),
    ...document.requests.flatMap(parsedRequestLines),
  ];
}

/** The lines of these requests and variables that may hold references, in line order, as `lineText` gives them. */
export function candidateLines(
  document: Pick<ParsedDocument, 'requests' | 'variables'>,
  lineText: (line: number) => string,
): ScannedLine[] {
  const result = new Set(document.variables.map((variable) => variable.line));
  const promptedAt = new Map<number, ReadonlySet<string>>();
  for (const request of document.requests) {
    // A request with `# @prompt` lines marks its lines with the names they define (most have none).
    const prompted = promptedOf(request);
    const add = (line: number) => addCandidate(result, promptedAt, line, prompted);
    request.directives.filter((directive) => directive.key !== 'name').forEach((directive) => add(directive.line));
    add(request.urlLine);
    for (let line = request.urlLine + 1; /^\s*[?&]/.test(lineText(line)); line++) add(line);
    request.headers.forEach((header) => add(header.line));
    for (let line = request.bodyRange?.startLine ?? 1; request.bodyRange && line <= request.bodyRange.endLine; line++) {
      add(line);
    }
    request.assertions.forEach((assertion) => add(assertion.line));
  }
  return [...result]
    .sort((a, b) => a - b)
    .map((line) => withPrompted({ line, text: lineText(line), offset: 0 }, promptedAt.get(line)));
}

function addCandidate(
  result: Set<number>,
  promptedAt: Map<number, ReadonlySet<string>>,
  line: number,
  prompted: ReadonlySet<string> | undefined,
): void {
  result.add(line);
  if (prompted) promptedAt.set(line, prompted);
}

/** The names a request's `# @prompt` lines define, or undefined when it has none (most requests). */
function promptedOf(request: ParsedRequest): ReadonlySet<string> | undefined {
  if (!request.directives.some((directive) => directive.key === 'prompt')) return undefined;
  return promptedNames(request);
}

function withPrompted(line: ScannedLine, prompted: ReadonlySet<string> | undefined): ScannedLine {
  return prompted ? { ...line, prompted } : line;
}

function parsedRequestLines(request: ParsedRequest): ScannedLine[] {
  const bodyLines = request.body === null ? [] : request.body.split(/\r\n|\n/);
  const bodyStart = request.bodyRange?.startLine ?? request.line;
  const prompted = promptedOf(request);
  const lines: ScannedLine[] = [
    ...request.directives
      .filter((directive) => directive.key !== 'name')
      .map((directive) => ({ line: directive.line, text: directive.value, offset: `# @${directive.name} `.length })),
    {
      line: request.urlLine,
      text: request.url,
      offset: request.form === 'line' && request.urlLine === request.line ? request.method.length + 1 : 0,
    },
    ...request.headers.map((header) => ({ line: header.line, text: `${header.name}: ${header.value}`, offset: 0 })),
    ...bodyLines.map((lineText, index) => ({ line: bodyStart + index, text: lineText, offset: 0 })),
    ...request.assertions.map((assertion) => ({ line: assertion.line, text: `?? ${assertion.text}`, offset: 0 })),
  ];
  return prompted ? lines.map((line) => withPrompted(line, prompted)) : lines;
}
