import type { ParsedDocument } from '../model/document';
import type { VariableDescription } from '../variables/describeVariables';
import { findVariableReferences, type VariableReference } from '../variables/findVariableReferences';
import { declaredPrompts } from '../variables/requestPrompts';
import { maskIfSecret } from '../variables/secretMask';
import {
  resolveSystemVariable,
  type SystemVariableEnvironment,
  systemVariableHelp,
} from '../variables/systemVariables';
import { plainLookupName } from '../variables/variableReference';

/** What a hover on a `{{…}}` shows: a title, the value (masked when secret) and where it came from. */
export interface VariableHover {
  reference: VariableReference;
  title: string;
  /** Resolved value (or the raw one when it cannot be resolved here); null when there is none. */
  value: string | null;
  /** Where the value comes from, or why there is none. */
  details: string[];
}

/** The `{{…}}` reference that contains the cursor (0-based column), or null. */
export function referenceAt(lineText: string, line: number, column: number): VariableReference | null {
  return (
    findVariableReferences(lineText, line).find(
      (reference) => column >= reference.column && column <= reference.endColumn,
    ) ?? null
  );
}

/** "file variable", "environment test", "$shared", ".env". */
export function describeSource(variable: VariableDescription): string {
  switch (variable.source) {
    case 'file':
      return 'file variable';
    case 'environment':
      return `environment ${variable.environment ?? ''}`.trim();
    case 'shared':
      return '$shared environment';
    case 'dotenv':
      return '.env';
  }
}

function location(variable: VariableDescription): string {
  const { file, line } = variable.definedAt;
  if (variable.source === 'file') return line !== null ? `line ${line}` : 'this file';
  if (file === null) return 'the gwhttp.environments setting';
  return line !== null ? `${file}:${line}` : file;
}

export function hoverForReference(
  reference: VariableReference,
  variables: readonly VariableDescription[],
  document: ParsedDocument,
  environmentName: string | null,
  system?: SystemVariableEnvironment,
): VariableHover {
  if (reference.kind === 'system') return systemHover(reference, system);
  if (reference.kind === 'chain') return chainHover(reference, document);
  const name = plainLookupName(reference);
  const matches = variables.filter((variable) => variable.name === name);
  const used = matches.find((variable) => !variable.isOverridden);
  const prompt = promptAt(document, reference.line, name);
  if (prompt) {
    const described = prompt.description ? ` ("${prompt.description}")` : '';
    const details = [`Asked for when the request is sent: # @prompt on line ${prompt.line}${described}.`];
    if (used) details.push(`The answer is used over the ${describeSource(used)} (${location(used)}).`);
    return { reference, title: `{{${name}}}`, value: null, details };
  }
  if (!used) {
    const looked = [
      'file variables',
      environmentName ? `environment ${environmentName}` : 'no environment selected',
      '$shared',
      '.env',
    ];
    return { reference, title: `{{${name}}}`, value: null, details: [`Not defined. Looked in: ${looked.join(', ')}.`] };
  }
  const details = [`From the ${describeSource(used)} (${location(used)}).`];
  if (used.isSecret) details.push('Secret: the value is masked.');
  if (used.resolvedValue !== null && used.resolvedValue !== used.value) details.push(`Written as: ${used.value}`);
  for (const hidden of matches.filter((variable) => variable.isOverridden)) {
    details.push(`Overrides the ${describeSource(hidden)} (${location(hidden)}).`);
  }
  return { reference, title: `{{${name}}}`, value: used.resolvedValue ?? used.value, details };
}

/** The `# @prompt` for `name` of the request whose lines hold `line`, or null. */
function promptAt(document: ParsedDocument, line: number, name: string) {
  const request = document.requests.find((candidate) => line >= candidate.regionStartLine && line <= candidate.endLine);
  return request ? (declaredPrompts(request).find((prompt) => prompt.name === name) ?? null) : null;
}

/**
 * A system variable: what it is, its usage and, given the clock and environment, a value it gives now
 * (an example: a new one is made at each send). `$processEnv`/`$dotenv` values that look secret are masked.
 */
function systemHover(reference: VariableReference, system: SystemVariableEnvironment | undefined): VariableHover {
  const help = systemVariableHelp().find((entry) => entry.name === reference.name);
  const details = help ? [help.usage, help.description] : [`Unknown system variable ${reference.name}.`];
  if (reference.problem) details.push(reference.problem);
  let value: string | null = null;
  if (reference.name === '$oauth2') details.push('The token is fetched when the request is sent, and never shown.');
  else if (help && system && reference.name !== '$shared' && !reference.problem) {
    try {
      const resolved = resolveSystemVariable(reference.name, reference.args, system);
      value = maskIfSecret(reference.args[0] ?? reference.name, resolved).value;
      details.push(isFresh(reference.name) ? 'An example: each send makes a new value.' : 'Its value now.');
    } catch (error) {
      details.push((error as Error).message);
    }
  }
  return { reference, title: `System variable ${reference.name}`, value, details };
}

function isFresh(name: string): boolean {
  return name !== '$processEnv' && name !== '$dotenv';
}

function chainHover(reference: VariableReference, document: ParsedDocument): VariableHover {
  const chain = reference.chain;
  const target = document.requests.find((request) => request.name === reference.name);
  const what = chain
    ? `${chain.part} ${chain.section}${chain.selector ? ` ${chain.selector}` : ''}`
    : reference.expression;
  const details = target
    ? [
        `From the ${what} of request "${reference.name}" (line ${target.line}); it is sent first when it has not been sent yet.`,
      ]
    : [`No request in this file is named "${reference.name}" (add # @name ${reference.name} above it).`];
  if (reference.problem) details.push(reference.problem);
  return { reference, title: `{{${reference.expression}}}`, value: null, details };
}
