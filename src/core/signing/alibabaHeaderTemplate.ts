import type { AuthorizationTemplate } from './parseAuthorizationTemplate';

interface NamedHeader {
  name: string;
  value: string;
  line: number;
}

/**
 * A pasted Alibaba Cloud API Gateway sample (signing-clouds.md §1.5) as a template: separate `X-Ca-Key`
 * and `X-Ca-Signature` headers, as Alibaba's documentation shows them. The AppKey, the signature method,
 * the signed-header list (`X-Ca-Signature-Headers`) and the stage are kept; timestamp, nonce, Content-MD5
 * and the signature are regenerated at send time. The template's line is the `X-Ca-Key` header's.
 */
export function alibabaHeaderTemplate(
  headers: readonly NamedHeader[],
): (AuthorizationTemplate & { line: number }) | null {
  const find = (name: string) => headers.find((header) => header.name.toLowerCase() === name);
  const key = find('x-ca-key');
  if (key === undefined || find('x-ca-signature') === undefined) return null;
  const method = find('x-ca-signature-method')?.value.trim().toLowerCase();
  const listed = find('x-ca-signature-headers')?.value;
  const stage = find('x-ca-stage')?.value.trim();
  return {
    scheme: 'alibaba-apigw',
    keyId: key.value.trim() === '' ? null : key.value.trim(),
    algorithm: method === 'hmacsha1' ? 'hmac-sha1' : method === 'hmacsha256' || method === undefined ? null : method,
    signedHeaders: listed === undefined ? null : listed.split(/[\s,;]+/).filter((name) => name !== ''),
    signatureHeader: 'Authorization',
    parameters: stage === undefined || stage === '' ? {} : { stage },
    line: key.line,
  };
}
