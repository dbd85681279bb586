import type { VariableDescription } from '../variables/describeVariables';
import { systemVariableHelp } from '../variables/systemVariables';
import {
  assertionPredicates,
  assertionSubjects,
  commonHeaders,
  commonHeaderValues,
  directives,
  httpMethods,
  signOptions,
  signOptionValues,
  signSchemes,
} from './completionCatalog';
import type { CompletionSite } from './completionSite';
import { describeSource } from './variableHover';

export type CompletionEntryKind =
  'variable' | 'system' | 'request' | 'method' | 'header' | 'value' | 'directive' | 'scheme' | 'option' | 'assertion';

/** One completion proposal, editor-neutral (the adapter maps it to a vscode.CompletionItem). */
export interface CompletionEntry {
  label: string;
  kind: CompletionEntryKind;
  detail: string;
  documentation: string;
  /** Text to insert; a snippet when `isSnippet`. */
  insertText: string;
  isSnippet: boolean;
  /** Orders entries of the same list (lower first). */
  sortText: string;
}

export interface CompletionData {
  variables: readonly VariableDescription[];
  /** `# @name` of the document's requests, for chaining references. */
  requestNames: readonly string[];
}

export function completionEntries(site: CompletionSite, data: CompletionData): CompletionEntry[] {
  switch (site.kind) {
    case 'variable':
      return variableEntries(data, site.hasClosing ? '' : '}}');
    case 'directive':
      return directives.map((entry, index) =>
        simple(entry.label, 'directive', `@${entry.label}`, entry.description, index, entry.snippet),
      );
    case 'signScheme':
      return signSchemes.map((entry, index) =>
        simple(entry.label, 'scheme', 'signing scheme', entry.description, index),
      );
    case 'signOption':
      return signOptions
        .filter((entry) => !site.used.includes(entry.label))
        .map((entry, index) => simple(entry.label, 'option', '@sign option', entry.description, index, entry.snippet));
    case 'signOptionValue':
      return (signOptionValues[site.option] ?? []).map((value, index) =>
        simple(value, 'value', `${site.option}=`, '', index),
      );
    case 'method':
      return httpMethods.map((method, index) =>
        simple(method, 'method', 'HTTP method', '', index, `${method} \${1:https://{{host\\}\\}/}`),
      );
    case 'headerName':
      return commonHeaders.map((entry, index) =>
        simple(entry.label, 'header', 'header', entry.description, index, `${entry.label}: $0`),
      );
    case 'headerValue':
      return (commonHeaderValues[site.header.toLowerCase()] ?? []).map((value, index) =>
        simple(value, 'value', site.header, '', index),
      );
    case 'assertionSubject':
      return assertionSubjects.map((entry, index) =>
        simple(entry.label, 'assertion', '?? subject', entry.description, index, entry.snippet),
      );
    case 'assertionPredicate':
      return assertionPredicates.map((entry, index) =>
        simple(entry.label, 'assertion', '?? predicate', entry.description, index),
      );
    default: {
      const unreachable: never = site;
      return unreachable;
    }
  }
}

function simple(
  label: string,
  kind: CompletionEntryKind,
  detail: string,
  documentation: string,
  index: number,
  snippet?: string,
): CompletionEntry {
  return {
    label,
    kind,
    detail,
    documentation,
    insertText: snippet ?? label,
    isSnippet: snippet !== undefined,
    sortText: order(index),
  };
}

const order = (index: number): string => String(index).padStart(4, '0');

function variableEntries(data: CompletionData, closing: string): CompletionEntry[] {
  const entries: CompletionEntry[] = [];
  const used = data.variables.filter((variable) => !variable.isOverridden);
  used.forEach((variable, index) => {
    const value = variable.resolvedValue ?? variable.value;
    entries.push({
      label: variable.name,
      kind: 'variable',
      detail: `${describeSource(variable)} = ${value}`,
      documentation: variable.isSecret ? 'Secret value: masked.' : `Value: ${variable.value}`,
      insertText: `${variable.name}${closing}`,
      isSnippet: false,
      sortText: `0${order(index)}`,
    });
  });
  systemVariableHelp().forEach((help, index) => {
    entries.push({
      label: help.name,
      kind: 'system',
      detail: help.usage,
      documentation: help.description,
      insertText: `${systemVariableSnippet(help.usage)}${closing}`,
      isSnippet: true,
      sortText: `1${order(index)}`,
    });
  });
  data.requestNames.forEach((name, index) => {
    entries.push({
      label: `${name}.response.body.$`,
      kind: 'request',
      detail: `response of request "${name}"`,
      documentation: `A JSONPath into the response body of the request named ${name} (sent first when needed); use .response.headers.NAME for a header.`,
      insertText: `${escapeSnippet(name)}.response.\${1|body.$.,headers.|}\${2}${closing}`,
      isSnippet: true,
      sortText: `2${order(index)}`,
    });
  });
  return entries;
}

/** `$datetime rfc1123|iso8601 [offset]` → `\$datetime ${1|rfc1123,iso8601|}` (optional arguments left out). */
export function systemVariableSnippet(usage: string): string {
  const [name, ...args] = usage.split(/\s+/);
  const placeholders = args
    .filter((arg) => !arg.startsWith('['))
    .map((arg, index) =>
      arg.includes('|') ? `\${${index + 1}|${arg.split('|').join(',')}|}` : `\${${index + 1}:${escapeSnippet(arg)}}`,
    );
  return [escapeSnippet(name), ...placeholders].join(' ');
}

/** Escapes `$`, `}` and `\` for VS Code snippet syntax. */
function escapeSnippet(text: string): string {
  return text.replace(/[\\$}]/g, (character) => `\\${character}`);
}
