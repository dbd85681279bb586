import type { Diagnostic } from '../model/diagnostic';
import { directiveOf } from '../model/document';
import type { PreparedRequest } from '../variables/preparedRequest';
import { cloudBodyLimitDiagnostic } from './cloudBodyLimit';
import { type LocatedHeader, resolveSigningConfig } from './resolveSigningConfig';
import type { SigningPlan } from './signingTypes';

/**
 * Plans already chosen in one run, by what they were chosen from (see `memoKey`). A run of many
 * requests with the same `# @sign` line (or the same environment default) reads it once.
 */
export type SigningMemo = Map<string, SigningPlan | null>;

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
 * What the choice depends on apart from line numbers: the `# @sign` values, the environment's
 * default and the Host values (their diagnostics). Null (not memoised) when a header may be a
 * signing template, whose options and line come from the header itself.
 */
function memoKey(prepared: PreparedRequest): string | null {
  let key = `${prepared.defaultSigning ?? '\u0001'}`;
  for (const header of prepared.outgoing.headers) {
    const name = header.name.toLowerCase();
    if (['authorization', 'signature', 'signature-input', 'x-ca-signature'].includes(name)) return null;
    if (name === 'host') key += `\u0000host\u0000${header.value}`;
  }
  for (const directive of prepared.directives) {
    if (directive.key === 'sign') key += `\u0000sign\u0000${directive.value}`;
  }
  return key;
}

/** The line a memoised plan gets for this request: its first `# @sign` directive's, else the request's. */
function planLine(prepared: PreparedRequest): number {
  const directive = directiveOf(prepared, 'sign');
  return directive ? directive.line : prepared.source.line;
}

/**
 * Chooses how a prepared request is signed: a `# @sign` directive, an Authorization template or the
 * environment's default (gwhttp-format.md §5). `plan` is null when the request is sent unsigned;
 * any diagnostic of severity `error` means the request must not be sent. With a `memo` (one per run),
 * a choice made without any diagnostic is reused for requests that make it from the same values.
 */
export function selectSigning(
  prepared: PreparedRequest,
  memo?: SigningMemo,
): { plan: SigningPlan | null; diagnostics: Diagnostic[] } {
  const key = memo ? memoKey(prepared) : null;
  if (memo && key !== null) {
    const known = memo.get(key);
    if (known !== undefined) return withBodyLimit(known && { ...known, line: planLine(prepared) }, [], prepared);
  }
  const { plan, diagnostics } = resolveSigningConfig({
    headers: locateHeaders(prepared),
    directives: prepared.directives,
    defaultSigning: prepared.defaultSigning,
    requestLine: prepared.source.line,
    url: prepared.outgoing.url,
  });
  if (memo && key !== null && diagnostics.length === 0) memo.set(key, plan);
  return withBodyLimit(plan, diagnostics, prepared);
}

/** The choice with the body-size check of this request (not memoised: each request has its own body). */
function withBodyLimit(plan: SigningPlan | null, diagnostics: Diagnostic[], prepared: PreparedRequest) {
  const tooLarge = plan === null ? null : cloudBodyLimitDiagnostic(plan, prepared.outgoing);
  return { plan, diagnostics: tooLarge === null ? diagnostics : [...diagnostics, tooLarge] };
}
