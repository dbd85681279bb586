import type { Diagnostic } from '../model/diagnostic';
import type { PreparedRequest } from '../variables/preparedRequest';
import { resolveSigningConfig, type LocatedHeader } from './resolveSigningConfig';
import type { SigningPlan } from './signingTypes';

/** The outgoing headers with the line each came from in the file (0 when it came from elsewhere). */
function locateHeaders(prepared: PreparedRequest): LocatedHeader[] {
  const sourceHeaders = [...prepared.source.headers];
  return prepared.outgoing.headers.map((header) => {
    const index = sourceHeaders.findIndex((candidate) => candidate.name.toLowerCase() === header.name.toLowerCase());
    const line = index >= 0 ? sourceHeaders.splice(index, 1)[0].line : 0;
    return { name: header.name, value: header.value, line };
  });
}

/**
 * Chooses how a prepared request is signed: a `# @sign` directive, an Authorization template or the
 * environment's default (gwhttp-format.md §5). `plan` is null when the request is sent unsigned;
 * any diagnostic of severity `error` means the request must not be sent.
 */
export function selectSigning(prepared: PreparedRequest): { plan: SigningPlan | null; diagnostics: Diagnostic[] } {
  const { plan, diagnostics } = resolveSigningConfig({
    headers: locateHeaders(prepared),
    directives: prepared.directives,
    defaultSigning: prepared.defaultSigning,
    requestLine: prepared.source.line,
  });
  return { plan, diagnostics };
}
