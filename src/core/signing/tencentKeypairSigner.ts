import { headerValue } from './headerFields';
import { hmacBase64 } from './signingAlgorithm';
import type { SchemeInput, SchemeOutput, SchemeSigner } from './signingTypes';

/**
 * The `Authorization: hmac id="…", algorithm="…", headers="…", signature="…"` value shared by both
 * Tencent schemes: literal `hmac`, parameters in this order separated by `", "`.
 */
export function tencentAuthorization(
  keyId: string,
  algorithm: string,
  names: readonly string[],
  signature: string,
): string {
  return `hmac id="${keyId}", algorithm="${algorithm}", headers="${names.join(' ')}", signature="${signature}"`;
}

/**
 * Tencent Cloud API Gateway key-pair auth (signing.md §2): one `name: value` line per listed header in
 * list order, names lower case, joined by LF, no trailing newline; Base64 HMAC.
 */
export const tencentKeypairSigner: SchemeSigner = {
  staleHeaders: () => [],
  derivedHeaders: () => [],
  sign(input: SchemeInput, secret: string): SchemeOutput {
    const { plan } = input;
    const names = plan.signedHeaders.map((name) => name.toLowerCase());
    const signingString = names.map((name) => `${name}: ${headerValue(input.headers, name) ?? ''}`).join('\n');
    const signature = hmacBase64(plan.algorithm, secret, signingString);
    const authorization = tencentAuthorization(plan.keyId, plan.algorithm, names, signature);
    return {
      signedHeaders: names,
      signingString,
      signature,
      authorization,
      signatureHeaders: [{ name: 'Authorization', value: authorization }],
    };
  },
};
