import type { FileVariable, ParsedDocument, ParsedRequest } from '../model/document';
import { findVariableReferences } from './findVariableReferences';
import { fileVariableMap } from './variableSources';

/**
 * Names of the requests whose exchange `request` uses through `{{name.response…}}` /
 * `{{name.request…}}` (directly, in its `??` assertions, or through file variables when `document`
 * is given and environment values when `environment` is: `"token": "{{login.response.body.$.token}}"`),
 * in order of first use, so a runner can send them first. References inside `<@ file` bodies are not seen.
 */
export function referencedRequestNames(
  request: ParsedRequest,
  document?: ParsedDocument,
  environment: Readonly<Record<string, string>> = {},
): string[] {
  const found: FoundNames = { names: [], visited: new Set(), fileVariables: null, document, environment };
  visit(request.url, found);
  for (const header of request.headers) {
    visit(header.name, found);
    visit(header.value, found);
  }
  for (const directive of request.directives) if (directive.key !== 'name') visit(directive.value, found);
  if (request.body !== null) visit(request.body, found);
  for (const assertion of request.assertions) visit(assertion.text, found);
  return found.names;
}

interface FoundNames {
  names: string[];
  visited: Set<string>;
  /** Built on first use: most requests hold no reference, and a run asks this for every request. */
  fileVariables: Map<string, FileVariable> | null;
  document: ParsedDocument | undefined;
  /** Values of the selected environment over `$shared`. */
  environment: Readonly<Record<string, string>>;
}

function visit(text: string, found: FoundNames): void {
  if (!text.includes('{{')) return;
  for (const reference of findVariableReferences(text, 0)) {
    if (reference.kind === 'chain' && !found.names.includes(reference.name)) found.names.push(reference.name);
    if (reference.kind !== 'plain') continue;
    if (found.visited.has(reference.name)) continue;
    const variable = (found.fileVariables ??= fileVariableMap(found.document?.variables ?? [])).get(reference.name);
    const value = variable
      ? variable.value
      : Object.hasOwn(found.environment, reference.name)
        ? found.environment[reference.name]
        : undefined;
    if (value !== undefined) {
      found.visited.add(reference.name);
      visit(value, found);
    }
  }
}
