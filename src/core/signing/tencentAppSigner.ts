import type { HeaderField } from '../model/outgoing';
import { tencentContentMd5 } from './bodyDigest';
import { headerValue } from './headerFields';
import { compareCodePoints } from './requestTarget';
import { hmacBase64 } from './signingAlgorithm';
import type { SchemeInput, SchemeOutput, SchemeSigner } from './signingTypes';
import { tencentAuthorization } from './tencentKeypairSigner';
import { isFormContentType, tencentPathAndParameters } from './tencentPathAndParameters';

function isForm(input: SchemeInput): boolean {
  return isFormContentType(headerValue(input.headers, 'content-type'));
}

/**
 * An explicit Accept (fetch adds one of any type when none is given; the value signed must be the value
 * sent) and a Content-MD5 of a non-empty, non-form body in the scheme's form (Tencent app auth, Alibaba).
 */
export function acceptAndContentMd5(input: SchemeInput, contentMd5: (body: Uint8Array) => string): HeaderField[] {
  const derived: HeaderField[] = [];
  if (headerValue(input.headers, 'accept') === undefined) derived.push({ name: 'Accept', value: '*/*' });
  if (input.body !== null && input.body.length > 0 && !isForm(input)) {
    derived.push({ name: 'Content-MD5', value: contentMd5(input.body) });
  }
  return derived;
}

/**
 * Tencent Cloud API Gateway application auth (signing.md §3): sorted header block, method, Accept,
 * Content-Type, Content-MD5 (Base64 of the hex MD5 of the bytes sent, non-form bodies only) and
 * PathAndParameters (form fields merged into the parameters).
 */
export const tencentAppSigner: SchemeSigner = {
  staleHeaders: () => ['content-md5'],
  derivedHeaders: (input: SchemeInput) => acceptAndContentMd5(input, tencentContentMd5),
  sign(input: SchemeInput, secret: string): SchemeOutput {
    const { plan, headers } = input;
    const names = [...new Set(plan.signedHeaders.map((name) => name.toLowerCase()))].sort(compareCodePoints);
    const block = names.map((name) => `${name}: ${headerValue(headers, name) ?? ''}\n`).join('');
    const formBody = isForm(input) && input.body !== null ? Buffer.from(input.body).toString('utf8') : null;
    const fields = [
      input.method.toUpperCase(),
      headerValue(headers, 'accept') ?? '',
      headerValue(headers, 'content-type') ?? '',
      headerValue(headers, 'content-md5') ?? '',
      tencentPathAndParameters(input.url, formBody, plan.stripEnvironment),
    ];
    const signingString = block + fields.join('\n');
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
