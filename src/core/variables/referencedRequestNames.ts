import type { FileVariable, ParsedDocument, ParsedRequest } from '../model/document';
import { findVariableReferences } from './findVariableReferences';
import { fileVariableMap } from './variableSources';

/**
 * Names of the requests whose exchange `request` uses through `{{name.response…}}` /
 * `{{name.request…}}` (directly, or through file variables when `document` is given), in order of
 * first use, so a runner can send them first. References inside `<@ file` bodies are not seen.
 */
export function referencedRequestNames(request: ParsedRequest, document?: ParsedDocument): string[] {
  const texts = [
    request.url,
    ...request.headers.flatMap((header) => [header.name, header.value]),
    ...request.directives.filter((directive) => directive.name !== 'name').map((directive) => directive.value),
    request.body ?? '',
  ];
  // Built on first use: most requests hold no reference, and a run asks this for every request.
  let fileVariables: Map<string, FileVariable> | undefined;
  const names: string[] = [];
  const visited = new Set<string>();
  const visit = (text: string): void => {
    if (!text.includes('{{')) return;
    for (const reference of findVariableReferences(text, 0)) {
      if (reference.kind === 'chain' && !names.includes(reference.name)) names.push(reference.name);
      if (reference.kind !== 'plain') continue;
      const variable = (fileVariables ??= fileVariableMap(document?.variables ?? [])).get(reference.name);
      if (variable && !visited.has(variable.name)) {
        visited.add(variable.name);
        visit(variable.value);
      }
    }
  };
  texts.forEach(visit);
  return names;
}
