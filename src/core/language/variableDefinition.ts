import { directiveOf, type ParsedDocument } from '../model/document';
import type { VariableDescription } from '../variables/describeVariables';
import type { VariableReference } from '../variables/findVariableReferences';
import { plainLookupName } from '../variables/variableReference';

/** Where a reference is defined: `file` null means the document itself; `line` is 1-based. */
export interface DefinitionTarget {
  file: string | null;
  line: number;
  /** The key to look for on that line (to place the cursor), when known. */
  key: string | null;
}

/**
 * Go to definition: the file variable or environment key that supplies a plain variable, or the
 * `# @name` line of the request a chaining reference reads. Null for system variables and values
 * from the `gwhttp.environments` setting (no file to open).
 */
export function definitionForReference(
  reference: VariableReference,
  variables: readonly VariableDescription[],
  document: ParsedDocument,
): DefinitionTarget | null {
  if (reference.kind === 'system') return null;
  if (reference.kind === 'chain') {
    const request = document.requests.find((candidate) => candidate.name === reference.name);
    if (!request) return null;
    const directive = directiveOf(request, 'name');
    return { file: null, line: directive?.line ?? request.line, key: reference.name };
  }
  const name = plainLookupName(reference);
  const used = variables.find((variable) => variable.name === name && !variable.isOverridden);
  if (!used || used.definedAt.line === null) return null;
  if (used.source === 'file') return { file: null, line: used.definedAt.line, key: name };
  if (used.definedAt.file === null) return null;
  return { file: used.definedAt.file, line: used.definedAt.line, key: used.definedAt.key };
}
