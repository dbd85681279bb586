import type { HeaderField } from '../model/outgoing';
import { sha256DigestHeaderValue } from './bodyDigest';
import { headerValue } from './headerFields';
import { requestTarget } from './requestTarget';
import { hmacBase64 } from './signingAlgorithm';
import type { SchemeInput, SchemeOutput, SchemeSigner, SigningPlan } from './signingTypes';

/** `Digest: SHA-256=…` over the exact body bytes, when the plan asks for body binding. */
export function digestHeaders(input: SchemeInput): HeaderField[] {
  return input.plan.bodyDigest ? [{ name: 'Digest', value: sha256DigestHeaderValue(input.body) }] : [];
}

export function digestStaleHeaders(plan: SigningPlan): string[] {
  return plan.bodyDigest ? ['digest'] : [];
}

function kongLine(input: SchemeInput, name: string): string {
  const value = headerValue(input.headers, name);
  if (value !== undefined) return `${name}: ${value}`;
  const target = requestTarget(input.url).target;
  if (name === '@request-target') return `@request-target: ${input.method.toLowerCase()} ${target}`;
  if (name === 'request-line') return `${input.method.toUpperCase()} ${target} HTTP/${input.plan.httpVersion}`;
  return `${name}:`;
}

/**
 * Kong `hmac-auth` (signing.md §4): names as listed (gwhttp lists them lower case), `request-line` and
 * `@request-target` pseudo-headers over the raw target as sent, LF-joined, no trailing newline.
 */
export const kongSigner: SchemeSigner = {
  staleHeaders: digestStaleHeaders,
  derivedHeaders: digestHeaders,
  sign(input: SchemeInput, secret: string): SchemeOutput {
    const { plan } = input;
    const names = [...plan.signedHeaders];
    const signingString = names.map((name) => kongLine(input, name)).join('\n');
    const signature = hmacBase64(plan.algorithm, secret, signingString);
    const authorization = `hmac username="${plan.keyId}", algorithm="${plan.algorithm}", headers="${names.join(' ')}", signature="${signature}"`;
    return {
      signedHeaders: names,
      signingString,
      signature,
      authorization,
      signatureHeaders: [{ name: 'Authorization', value: authorization }],
    };
  },
};
