import type { Diagnostic } from '../model/diagnostic';
import type { ParsedDocument, ParsedRequest } from '../model/document';
import { findLiteralSecrets, type NumberedLine } from './findLiteralSecrets';
import { resolveSigningConfig } from './resolveSigningConfig';
import { schemeRegistry } from './schemeRegistry';
import { signedHeaderProblems } from './signedHeaderProblems';
import type { SigningPlan } from './signingTypes';

/** Headers the signer itself sets at send time, so they need not be written in the file. */
function generatedHeaders(plan: SigningPlan, url: string): Set<string> {
  const generated = new Set(['date', 'x-date']);
  if (plan.bodyDigest) generated.add('digest');
  if (plan.scheme === 'tencent-app') ['content-md5', 'accept'].forEach((name) => generated.add(name));
  if (plan.source !== null) generated.add('source');
  if (/^(https?:\/\/|\{\{)/i.test(url.trim())) generated.add('host');
  for (const name of schemeRegistry[plan.scheme].generatedHeaders ?? []) generated.add(name);
  return generated;
}

function headerDiagnostics(request: ParsedRequest, plan: SigningPlan): Diagnostic[] {
  const generated = generatedHeaders(plan, request.url);
  const names = plan.signedHeaders.filter((name) => !generated.has(name.toLowerCase()));
  const headers = request.headers.map((header) => ({
    name: header.name,
    value: header.value.includes('{{') ? 'x' : header.value,
  }));
  return signedHeaderProblems(headers, names, plan.scheme).map((problem) => {
    const matching = request.headers.filter((header) => header.name.toLowerCase() === problem.name.toLowerCase());
    const line = problem.code === 'signed-header-repeated' ? matching[1].line : (matching[0]?.line ?? plan.line);
    const severity = problem.code === 'signed-header-listed-twice' ? 'warning' : 'error';
    return { line, severity, code: problem.code, message: problem.message };
  });
}

function checkRequest(request: ParsedRequest): Diagnostic[] {
  const { plan, diagnostics } = resolveSigningConfig({
    headers: request.headers,
    directives: request.directives,
    defaultSigning: null,
    requestLine: request.line,
    url: request.url,
  });
  const templated = new Set(
    request.directives.filter((directive) => directive.value.includes('{{')).map((directive) => directive.line),
  );
  const kept = diagnostics.filter(
    (diagnostic) => !(templated.has(diagnostic.line) && diagnostic.code !== 'sign-directive-repeated'),
  );
  return plan === null ? kept : [...kept, ...headerDiagnostics(request, plan)];
}

/** The file's lines as far as the parsed document knows them (used when the text is not given). */
function documentLines(document: ParsedDocument): NumberedLine[] {
  const lines: NumberedLine[] = document.variables.map((variable) => ({
    line: variable.line,
    text: `@${variable.name} = ${variable.value}`,
  }));
  for (const request of document.requests) {
    lines.push(
      ...request.directives.map((directive) => ({
        line: directive.line,
        text: `# @${directive.name} ${directive.value}`,
      })),
    );
    lines.push(...request.headers.map((header) => ({ line: header.line, text: `${header.name}: ${header.value}` })));
    const start = request.bodyRange?.startLine;
    if (request.body !== null && start !== undefined) {
      lines.push(...request.body.split(/\r?\n/).map((text, offset) => ({ line: start + offset, text })));
    }
  }
  return lines.sort((a, b) => a.line - b.line);
}

/**
 * Static signing diagnostics (no I/O): Host with a path, signing options, signed headers missing,
 * repeated or non-ASCII, an unsigned date header, and literal secrets (code `literal-secret`, with
 * columns when `text` is given so the editor can offer "move to SecretStorage").
 */
export function checkSigning(document: ParsedDocument, text?: string): Diagnostic[] {
  const lines =
    text === undefined
      ? documentLines(document)
      : text.split(/\r\n|\r|\n/).map((lineText, index) => ({ line: index + 1, text: lineText }));
  return signingFindings(document.requests, findLiteralSecrets(lines));
}

/**
 * The signing diagnostics of some requests (the editor checks a file chunk by chunk): each request's
 * checks and the literal secrets found on their lines, one per line and code, in line order.
 */
export function signingFindings(requests: readonly ParsedRequest[], secrets: readonly Diagnostic[]): Diagnostic[] {
  const all = [...requests.flatMap(checkRequest), ...secrets];
  const seen = new Set<string>();
  return all
    .filter((diagnostic) => {
      const key = `${diagnostic.line}:${diagnostic.code}:${diagnostic.column ?? ''}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((a, b) => a.line - b.line);
}
