import { signatureParameters } from './apisixSigner';
import { headerValues } from './headerFields';
import { digestHeaders, digestStaleHeaders } from './kongSigner';
import { requestTarget } from './requestTarget';
import { hmacBase64 } from './signingAlgorithm';
import type { SchemeInput, SchemeOutput, SchemeSigner } from './signingTypes';

function cavageLine(input: SchemeInput, name: string): string {
  if (name === '(request-target)') {
    return `(request-target): ${input.method.toLowerCase()} ${requestTarget(input.url).target}`;
  }
  return `${name}: ${headerValues(input.headers, name).join(', ')}`;
}

/**
 * draft-cavage-http-signatures-12 with HMAC (signing.md §6): lower-case names in list order,
 * `(request-target)` pseudo-header, repeated values joined by `, `, LF-joined, no trailing newline.
 */
export const cavageSigner: SchemeSigner = {
  staleHeaders: digestStaleHeaders,
  derivedHeaders: digestHeaders,
  sign(input: SchemeInput, secret: string): SchemeOutput {
    const { plan } = input;
    const names = plan.signedHeaders.map((name) => name.toLowerCase());
    const signingString = names.map((name) => cavageLine(input, name)).join('\n');
    const signature = hmacBase64(plan.algorithm, secret, signingString);
    const parameters = signatureParameters(plan.keyId, plan.algorithm, names, signature);
    const inSignatureHeader = plan.signatureHeader === 'Signature';
    const authorization = inSignatureHeader ? parameters : `Signature ${parameters}`;
    return {
      signedHeaders: names,
      signingString,
      signature,
      authorization,
      signatureHeaders: [{ name: plan.signatureHeader, value: authorization }],
    };
  },
};
