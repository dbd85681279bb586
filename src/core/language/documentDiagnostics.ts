import type { Diagnostic } from '../model/diagnostic';
import type { ParsedDocument } from '../model/document';
import { checkSigning } from '../signing/checkSigning';
import { checkVariables } from '../variables/checkVariables';
import type { VariableScope } from '../variables/variableScope';
import { type DiagnosticsMemo, memoizedDiagnostics } from './diagnosticsMemo';

/**
 * Everything the editor marks in a file and `gwhttp check` reports: the parser's diagnostics, the
 * signing checks (literal secrets among them) and, when the defined names are known (a set, or the
 * file's variableScope), the variable checks. Pass the document text for exact columns. Given the
 * `memo` of the same document's previous check, only the chunks an edit touched are checked again;
 * the result is the same as without it.
 */
export function documentDiagnostics(
  document: ParsedDocument,
  text: string,
  scope: Set<string> | Pick<VariableScope, 'knownNames' | 'unselected'> | null,
  memo?: DiagnosticsMemo,
): Diagnostic[] {
  if (memo !== undefined) return memoizedDiagnostics(document, text, scope, memo);
  const diagnostics = [...document.diagnostics, ...checkSigning(document, text)];
  if (scope instanceof Set) diagnostics.push(...checkVariables(document, scope, text));
  else if (scope) diagnostics.push(...checkVariables(document, scope.knownNames, text, scope.unselected));
  return diagnostics;
}
