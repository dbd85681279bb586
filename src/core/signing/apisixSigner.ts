import { headerValue } from './headerFields';
import { digestHeaders, digestStaleHeaders } from './kongSigner';
import { requestTarget } from './requestTarget';
import { hmacBase64 } from './signingAlgorithm';
import type { SchemeInput, SchemeOutput, SchemeSigner } from './signingTypes';

/** `keyId="…",algorithm="…",headers="…",signature="…"` (APISIX ≥ 3.11 and cavage parameter list). */
export function signatureParameters(
  keyId: string,
  algorithm: string,
  names: readonly string[],
  signature: string,
): string {
  return `keyId="${keyId}",algorithm="${algorithm}",headers="${names.join(' ')}",signature="${signature}"`;
}

/**
 * Apache APISIX `hmac-auth` ≥ 3.11 (signing.md §5.1): the key id, then per listed name `name: value`
 * (`@request-target` → `METHOD target`, absent headers skipped), LF-joined with a final LF.
 */
export const apisixSigner: SchemeSigner = {
  staleHeaders: digestStaleHeaders,
  derivedHeaders: digestHeaders,
  sign(input: SchemeInput, secret: string): SchemeOutput {
    const { plan } = input;
    const names = [...plan.signedHeaders];
    const items = [plan.keyId];
    for (const name of names) {
      const value = headerValue(input.headers, name);
      if (value !== undefined) items.push(`${name}: ${value}`);
      else if (name === '@request-target') {
        items.push(`${input.method.toUpperCase()} ${requestTarget(input.url).target}`);
      }
    }
    const signingString = `${items.join('\n')}\n`;
    const signature = hmacBase64(plan.algorithm, secret, signingString);
    const authorization = `Signature ${signatureParameters(plan.keyId, plan.algorithm, names, signature)}`;
    return {
      signedHeaders: names,
      signingString,
      signature,
      authorization,
      signatureHeaders: [{ name: 'Authorization', value: authorization }],
    };
  },
};
