import type { Diagnostic } from '../model/diagnostic';
import type { Directive } from '../model/document';
import { alibabaHeaderTemplate } from './alibabaHeaderTemplate';
import { createSigningPlan, type SigningOptions } from './createSigningPlan';
import { type AuthorizationTemplate, parseAuthorizationTemplate } from './parseAuthorizationTemplate';
import { parseSignSpec, type SignSpec } from './parseSignSpec';
import { isAbsoluteHttpUrl, isBareHost } from './requestTarget';
import { missingSchemeOptions } from './schemeOptionRules';
import { schemeRegistry } from './schemeRegistry';
import { keyIdProblem } from './signedHeaderProblems';
import { isSigningAlgorithm } from './signingAlgorithm';
import type { SigningOrigin, SigningPlan } from './signingTypes';

/** A header with the line it was written on (0 when unknown). */
export interface LocatedHeader {
  name: string;
  value: string;
  line: number;
}

export interface SigningConfigInput {
  headers: readonly LocatedHeader[];
  directives: readonly Directive[];
  defaultSigning: string | null;
  /** Line of the request (for the environment's default and request-level diagnostics). */
  requestLine: number;
  /** The request URL, when known: schemes with host rules (aws-sigv4 region) check it. */
  url?: string;
}

export interface SigningConfig {
  plan: SigningPlan | null;
  diagnostics: Diagnostic[];
  /** The template header, when the request has one. */
  template: (AuthorizationTemplate & { line: number }) | null;
}

/** The first header that is a signing template, else Alibaba's X-Ca-Key + X-Ca-Signature pair, else null. */
function findTemplate(headers: readonly LocatedHeader[]): SigningConfig['template'] {
  for (const header of headers) {
    const template = parseAuthorizationTemplate(header.name, header.value);
    if (template !== null) return { ...template, line: header.line };
  }
  return alibabaHeaderTemplate(headers);
}

function templateOptions(template: AuthorizationTemplate, diagnostics: Diagnostic[], line: number): SigningOptions {
  const options: SigningOptions = { signatureHeader: template.signatureHeader };
  if (template.parameters !== undefined) options.parameters = template.parameters;
  if (template.signedHeaders !== null) options.signedHeaders = template.signedHeaders;
  const algorithm = template.algorithm?.toLowerCase();
  if (algorithm !== undefined && isSigningAlgorithm(algorithm)) options.algorithm = algorithm;
  else if (algorithm !== undefined) {
    diagnostics.push({
      line,
      severity: 'error',
      code: 'sign-bad-option',
      message: `Algorithm "${template.algorithm}" is not supported: use hmac-sha1, hmac-sha256, hmac-sha384 or hmac-sha512.`,
    });
  }
  return options;
}

/** `Host: host/release` (not a bare host[:port]) is replaced by the URL's host at send time. */
export function hostDiagnostics(headers: readonly LocatedHeader[]): Diagnostic[] {
  return headers
    .filter(
      (header) => header.name.toLowerCase() === 'host' && !header.value.includes('{{') && !isBareHost(header.value),
    )
    .map((header) => ({
      line: header.line,
      severity: 'warning' as const,
      code: 'host-with-path',
      message: `Host "${header.value.trim()}" is not a bare host[:port]; the Host sent (and signed) is taken from the URL instead.`,
    }));
}

/** The host a literal URL (or a literal Host header) names, or null while variables are unresolved. */
function literalHost(input: SigningConfigInput): string | null {
  const header = input.headers.find((candidate) => candidate.name.toLowerCase() === 'host');
  if (header !== undefined) return header.value.includes('{{') ? null : header.value.trim();
  const url = input.url ?? '';
  if (url.includes('{{') || !isAbsoluteHttpUrl(url)) return null;
  try {
    return new URL(url).host;
  } catch {
    return null;
  }
}

/** A cloud scheme's plan (its own time header): only its host rules are checked, when the host is known. */
function cloudPlan(plan: SigningPlan, host: string | null, diagnostics: Diagnostic[]): SigningPlan | null {
  const problems = host === null ? [] : (schemeRegistry[plan.scheme].planProblems?.(plan, host) ?? []);
  for (const message of problems) {
    diagnostics.push({ line: plan.line, severity: 'error', code: 'sign-bad-option', message });
  }
  return problems.length > 0 ? null : plan;
}

/** The required options given and no two that conflict (the scheme's option rules); else errors, false. */
function optionsComplete(plan: SigningPlan, diagnostics: Diagnostic[]): boolean {
  const rules = schemeRegistry[plan.scheme].optionRules;
  const missing = missingSchemeOptions(plan.scheme, rules, plan.parameters);
  const found: Diagnostic[] = (rules.conflicts?.(plan.parameters) ?? []).map((message) => ({
    line: plan.line,
    severity: 'error',
    code: 'sign-bad-option',
    message,
  }));
  if (missing !== null) {
    found.unshift({ line: plan.line, severity: 'error', code: missing.code, message: missing.message });
  }
  diagnostics.push(...found);
  return found.length === 0;
}

/** Checks the plan against its scheme; may add the mandatory date header. */
function finishPlan(plan: SigningPlan, diagnostics: Diagnostic[], host: string | null): SigningPlan | null {
  const description = schemeRegistry[plan.scheme];
  const problem = plan.keyId === '' && description.keyIdOptional ? null : keyIdProblem(plan.keyId, plan.scheme);
  if (problem !== null) {
    diagnostics.push({ line: plan.line, severity: 'error', code: 'sign-key-id', message: problem });
    return null;
  }
  if (!optionsComplete(plan, diagnostics)) return null;
  // Cloud and standard schemes carry their own time: only their host rules remain.
  if (description.addsDateHeader === false) return cloudPlan(plan, host, diagnostics);
  if (!description.algorithms.includes(plan.algorithm)) {
    diagnostics.push({
      line: plan.line,
      severity: 'warning',
      code: 'sign-algorithm-unsupported',
      message: `${plan.scheme} gateways accept ${description.algorithms.join(', ')}; "${plan.algorithm}" will probably be rejected.`,
    });
  }
  const names = plan.signedHeaders.map((name) => name.toLowerCase());
  const required = plan.scheme === 'tencent-app' ? ['x-date'] : ['date', 'x-date'];
  if (description.requiresSignedDate && !names.some((name) => required.includes(name))) {
    const dateHeader = plan.scheme === 'tencent-app' ? 'x-date' : plan.dateHeader;
    diagnostics.push({
      line: plan.line,
      severity: 'warning',
      code: 'date-header-unsigned',
      message: `${plan.scheme} requires a signed ${required.join(' or ')} header; gwhttp signs "${dateHeader}" first.`,
    });
    return { ...plan, dateHeader, signedHeaders: [dateHeader, ...plan.signedHeaders] };
  }
  if (!description.requiresSignedDate && plan.scheme !== 'apisix-legacy' && !names.includes(plan.dateHeader)) {
    diagnostics.push({
      line: plan.line,
      severity: 'warning',
      code: 'date-header-unsigned',
      message: `The ${plan.dateHeader} header is sent but not signed, so a captured request can be replayed; add "${plan.dateHeader}" to headers="…".`,
    });
  }
  return plan;
}

function readSpec(text: string, line: number, diagnostics: Diagnostic[]): SignSpec | null {
  const { spec, diagnostics: found } = parseSignSpec(text, line);
  diagnostics.push(...found);
  return spec;
}

/**
 * How one request is signed (gwhttp-format.md §5): a `# @sign` directive, else an Authorization
 * template, else the environment's default; `@sign none` turns signing off. Never throws.
 */
export function resolveSigningConfig(input: SigningConfigInput): SigningConfig {
  const diagnostics: Diagnostic[] = hostDiagnostics(input.headers);
  const signDirectives = input.directives.filter((directive) => directive.key === 'sign');
  for (const extra of signDirectives.slice(1)) {
    diagnostics.push({
      line: extra.line,
      severity: 'warning',
      code: 'sign-directive-repeated',
      message: 'Only the first # @sign directive of a request is used; remove this one.',
    });
  }
  const directive = signDirectives[0];
  const template = findTemplate(input.headers);
  const directiveSpec = directive ? readSpec(directive.value, directive.line, diagnostics) : null;
  if (directive && directiveSpec === null) return { plan: null, diagnostics, template };
  const environmentSpec =
    !directive && !template && input.defaultSigning
      ? readSpec(input.defaultSigning, input.requestLine, diagnostics)
      : null;
  const spec = directiveSpec ?? environmentSpec;
  const scheme = spec ? spec.scheme : template?.scheme;
  if (scheme === undefined || scheme === 'none') return { plan: null, diagnostics, template };
  const origin: SigningOrigin = directiveSpec ? 'directive' : template ? 'template' : 'environment';
  const line = directive?.line ?? template?.line ?? input.requestLine;
  const keyId = spec?.keyId ?? template?.keyId ?? null;
  // aws-sigv4 without id=: the key id comes with the credentials (AWS_ACCESS_KEY_ID or profile=) at send time.
  if ((keyId === null || keyId === '') && !schemeRegistry[scheme].keyIdOptional) {
    diagnostics.push({
      line,
      severity: 'error',
      code: 'sign-missing-id',
      message: `No key id for ${scheme} signing: add id=YOUR_KEY_ID to the # @sign directive (or id="…" to the Authorization template).`,
    });
    return { plan: null, diagnostics, template };
  }
  const fromTemplate = template ? templateOptions(template, diagnostics, template.line) : {};
  const templateParameters = template?.scheme === scheme ? fromTemplate.parameters : undefined;
  const options: SigningOptions = {
    ...fromTemplate,
    ...spec?.options,
    parameters: { ...templateParameters, ...spec?.options.parameters },
    origin,
    line,
  };
  const plan = finishPlan(createSigningPlan(scheme, keyId ?? '', options), diagnostics, literalHost(input));
  return { plan, diagnostics, template };
}
