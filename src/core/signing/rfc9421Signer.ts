import type { HeaderField } from '../model/outgoing';
import { type ContentDigestAlgorithm, contentDigestValue } from './contentDigest';
import { headerValue } from './headerFields';
import { requestTarget } from './requestTarget';
import { type KeyEncoding, type Rfc9421Algorithm, rfc9421Algorithms, signSignatureBase } from './rfc9421Algorithms';
import { signatureBase } from './rfc9421Base';
import { type CoveredComponent, parseComponentList, type SignatureParams } from './rfc9421Components';
import { anyValue, isYes, oneOf, positiveInteger, type SchemeOptionRules, yesNo } from './schemeOptionRules';
import { SchemeSigningError } from './schemeSigningError';
import type { SchemeInput, SchemeOutput, SchemeSigner, SigningPlan } from './signingTypes';

/** `# @sign rfc9421 …` options (signing-clouds.md §6). */
export const rfc9421OptionRules: SchemeOptionRules = {
  required: ['alg'],
  options: {
    alg: oneOf(...rfc9421Algorithms),
    components: anyValue,
    label: (value) => (/^[a-z*][a-z0-9_\-.*]*$/.test(value) ? null : 'must be a lower-case key such as sig1'),
    expires: positiveInteger,
    nonce: anyValue,
    tag: anyValue,
    'alg-param': yesNo,
    created: yesNo,
    digest: oneOf('sha-256', 'sha-512', 'none'),
    'key-encoding': oneOf('utf8', 'base64', 'hex'),
    'key-file': (value) => (value.trim() === '' ? 'must name a PEM private key file' : null),
  },
  conflicts: (given) => rfc9421Conflicts(given),
};

/** A private key file with the shared-secret algorithm does not fit. */
function rfc9421Conflicts(given: Readonly<Record<string, string>>): string[] {
  if (given['key-file'] === undefined || (given.alg ?? '').toLowerCase() !== 'hmac-sha256') return [];
  return [
    'key-file= holds a private key for alg=ed25519, rsa-pss-sha512 or ecdsa-p256-sha256; alg=hmac-sha256 signs with the shared secret of id= instead.',
  ];
}

function digestAlgorithm(plan: SigningPlan): ContentDigestAlgorithm | null {
  const digest = (plan.parameters.digest ?? 'sha-256').toLowerCase();
  return digest === 'none' ? null : (digest as ContentDigestAlgorithm);
}

function hasBody(input: SchemeInput): boolean {
  return input.body !== null && input.body.length > 0;
}

/** Covered components: `components=`, else method, authority, path, query, content-type and digest. */
function coveredComponents(input: SchemeInput): CoveredComponent[] {
  const written = input.plan.parameters.components;
  if (written !== undefined) return parseComponentList(written);
  const names = ['@method', '@authority', '@path'];
  if (requestTarget(input.url).query !== '') names.push('@query');
  if (headerValue(input.headers, 'content-type') !== undefined) names.push('content-type');
  if (hasBody(input) && digestAlgorithm(input.plan) !== null) names.push('content-digest');
  return names.map((name) => ({ name, params: [] }));
}

function signatureParams(input: SchemeInput): SignatureParams {
  const options = input.plan.parameters;
  const created = Math.floor(input.now.getTime() / 1000);
  const params: SignatureParams = { keyid: input.plan.keyId };
  if (options.created === undefined || isYes(options.created)) params.created = created;
  if (options.expires !== undefined) params.expires = created + Number(options.expires);
  if (isYes(options['alg-param'])) params.alg = options.alg;
  if (options.nonce !== undefined) params.nonce = options.nonce.toLowerCase() === 'auto' ? input.nonce : options.nonce;
  if (options.tag !== undefined) params.tag = options.tag;
  return params;
}

function checkDistinct(components: readonly CoveredComponent[]): void {
  const seen = new Set<string>();
  for (const component of components) {
    const key = JSON.stringify(component);
    if (seen.has(key)) throw new SchemeSigningError(`Component "${component.name}" is covered twice.`);
    seen.add(key);
  }
}

/**
 * RFC 9421 HTTP Message Signatures (signing-clouds.md §6): `Content-Digest` (RFC 9530) over the body
 * sent, the signature base over the covered components, `Signature-Input` and `Signature` under `label`.
 */
export const rfc9421Signer: SchemeSigner = {
  staleHeaders: () => ['signature-input', 'signature'],
  derivedHeaders(input: SchemeInput): HeaderField[] {
    const algorithm = digestAlgorithm(input.plan);
    const covered = /(^|[\s,])content-digest($|[\s,;])/i.test(input.plan.parameters.components ?? '');
    if (algorithm === null || (!hasBody(input) && !covered)) return [];
    return [{ name: 'Content-Digest', value: contentDigestValue(input.body, algorithm) }];
  },
  sign(input: SchemeInput, secret: string): SchemeOutput {
    const { plan } = input;
    const components = coveredComponents(input);
    checkDistinct(components);
    const message = { method: input.method, url: input.url, headers: input.headers };
    const { base, signatureParams: paramsValue } = signatureBase(message, components, signatureParams(input));
    const algorithm = (plan.parameters.alg ?? 'hmac-sha256').toLowerCase() as Rfc9421Algorithm;
    const encoding = (plan.parameters['key-encoding'] ?? 'utf8').toLowerCase() as KeyEncoding;
    const signature = signSignatureBase(algorithm, secret, plan.keyId, encoding, base, input.privateKeys).toString(
      'base64',
    );
    const label = plan.parameters.label ?? 'sig1';
    const signatureValue = `${label}=:${signature}:`;
    return {
      signedHeaders: components.map((component) => component.name),
      signingString: base,
      signature,
      algorithm,
      authorization: signatureValue,
      signatureHeaders: [
        { name: 'Signature-Input', value: `${label}=${paramsValue}` },
        { name: 'Signature', value: signatureValue },
      ],
    };
  },
};
