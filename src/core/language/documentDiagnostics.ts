import type { Diagnostic } from '../model/diagnostic';
import type { ParsedDocument } from '../model/document';
import { checkSigning } from '../signing/checkSigning';
import { checkVariables } from '../variables/checkVariables';

/**
 * Everything the editor marks in a file and `gwhttp check` reports: the parser's diagnostics, the
 * signing checks (literal secrets among them) and, when the defined names are known, the variable
 * checks. Pass the document text for exact columns.
 */
export function documentDiagnostics(
  document: ParsedDocument,
  text: string,
  knownNames: Set<string> | null,
): Diagnostic[] {
  const diagnostics = [...document.diagnostics, ...checkSigning(document, text)];
  if (knownNames) diagnostics.push(...checkVariables(document, knownNames, text));
  return diagnostics;
}
