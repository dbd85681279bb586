import type { FileVariable, ParsedDocument, ParsedRequest } from '../model/document';
import { findVariableReferences } from './findVariableReferences';
import { fileVariableMap } from './variableSources';

/**
 * Names of the requests whose exchange `request` uses through `{{name.response…}}` /
 * `{{name.request…}}` (directly, or through file variables when `document` is given), in order of
 * first use, so a runner can send them first. References inside `<@ file` bodies are not seen.
 */
export function referencedRequestNames(request: ParsedRequest, document?: ParsedDocument): string[] {
  const found: FoundNames = { names: [], visited: new Set(), fileVariables: null, document };
  visit(request.url, found);
  for (const header of request.headers) {
    visit(header.name, found);
    visit(header.value, found);
  }
  for (const directive of request.directives) if (directive.name !== 'name') visit(directive.value, found);
  if (request.body !== null) visit(request.body, found);
  return found.names;
}

interface FoundNames {
  names: string[];
  visited: Set<string>;
  /** Built on first use: most requests hold no reference, and a run asks this for every request. */
  fileVariables: Map<string, FileVariable> | null;
  document: ParsedDocument | undefined;
}

function visit(text: string, found: FoundNames): void {
  if (!text.includes('{{')) return;
  for (const reference of findVariableReferences(text, 0)) {
    if (reference.kind === 'chain' && !found.names.includes(reference.name)) found.names.push(reference.name);
    if (reference.kind !== 'plain') continue;
    const variable = (found.fileVariables ??= fileVariableMap(found.document?.variables ?? [])).get(reference.name);
    if (variable && !found.visited.has(variable.name)) {
      found.visited.add(variable.name);
      visit(variable.value, found);
    }
  }
}
