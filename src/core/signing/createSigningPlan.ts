import { schemeRegistry } from './schemeRegistry';
import type { SigningAlgorithm } from './signingAlgorithm';
import type { DateHeaderName, SchemeName, SigningOrigin, SigningPlan } from './signingTypes';

/** Options a template, a `# @sign` directive or the environment may set; everything else defaults. */
export interface SigningOptions {
  algorithm?: SigningAlgorithm;
  signedHeaders?: string[];
  dateHeader?: DateHeaderName;
  source?: string | null;
  bodyDigest?: boolean;
  stripEnvironment?: boolean;
  encodeQuery?: boolean;
  signatureHeader?: 'Authorization' | 'Signature';
  httpVersion?: string;
  origin?: SigningOrigin;
  line?: number;
  /** The scheme's stored options (`region=`, `alg=`, `token=`…), as its option rules accepted them. */
  parameters?: Record<string, string>;
}

function chooseDateHeader(
  scheme: SchemeName,
  names: readonly string[] | undefined,
  requested: DateHeaderName | undefined,
): DateHeaderName {
  if (requested) return requested;
  const lower = (names ?? []).map((name) => name.toLowerCase());
  if (lower.includes('x-date')) return 'x-date';
  if (lower.includes('date')) return 'date';
  return schemeRegistry[scheme].defaultDateHeader;
}

/** Signed names: lower case (APISIX legacy keeps the case written), each once, in list order. */
export function normaliseSignedHeaders(scheme: SchemeName, names: readonly string[]): string[] {
  const keepCase = schemeRegistry[scheme].keepsNameCase;
  const seen = new Set<string>();
  const result: string[] = [];
  for (const name of names) {
    const key = name.toLowerCase();
    if (name === '' || seen.has(key)) continue;
    seen.add(key);
    result.push(keepCase ? name : key);
  }
  return result;
}

/** A complete plan from a scheme, a key id and options (defaults per signing.md). */
export function createSigningPlan(scheme: SchemeName, keyId: string, options: SigningOptions = {}): SigningPlan {
  const description = schemeRegistry[scheme];
  const dateHeader = chooseDateHeader(scheme, options.signedHeaders, options.dateHeader);
  const source = options.source ?? null;
  const bodyDigest = options.bodyDigest ?? false;
  const names = options.signedHeaders ?? description.defaultSignedHeaders(dateHeader, source !== null, bodyDigest);
  return {
    scheme,
    keyId,
    algorithm: options.algorithm ?? description.defaultAlgorithm,
    signedHeaders: normaliseSignedHeaders(scheme, names),
    dateHeader,
    source,
    bodyDigest,
    stripEnvironment: options.stripEnvironment ?? true,
    encodeQuery: options.encodeQuery ?? true,
    signatureHeader: options.signatureHeader ?? 'Authorization',
    httpVersion: options.httpVersion ?? '1.1',
    origin: options.origin ?? 'directive',
    line: options.line ?? 0,
    parameters: options.parameters ?? {},
  };
}
