import type { HeaderField } from '../model/outgoing';
import { parseAuthorizationTemplate } from '../signing/parseAuthorizationTemplate';
import type { ImportWarning } from './importTypes';

/** Headers with any signature turned into a signing template or a `# @sign` directive. */
export interface SigningFromHeaders {
  headers: HeaderField[];
  /** A `# @sign …` value, or null. */
  sign: string | null;
  warnings: ImportWarning[];
}

const awsCredential = /^AWS4-HMAC-SHA256\s+Credential=([^/\s,]+)\/\d{8}\/([^/\s,]+)\/([^/\s,]+)\/aws4_request/i;
/** Headers the AWS signer writes itself at send time. */
const awsSignerHeaders = new Set(['authorization', 'x-amz-date', 'x-amz-content-sha256', 'x-amz-security-token']);

/** `aws-sigv4 id=… region=… service=…` for an access key, a region and a service. */
export function awsSignSpec(id: string, region: string, service: string, sessionToken: boolean): string {
  return `aws-sigv4 id=${id} region=${region} service=${service}${sessionToken ? ' session-token={{awsSessionToken}}' : ''}`;
}

/** Drops the stale `signature="…"` from an `hmac …` / `Signature …` template: it is made afresh at send time. */
function withoutSignature(value: string): string {
  return value.replace(/,?\s*signature\s*=\s*"[^"]*"/i, '').replace(/^(\S+)\s+,\s*/, '$1 ');
}

function awsSigning(headers: HeaderField[], credential: RegExpExecArray, where: string): SigningFromHeaders {
  const token = headers.some((h) => h.name.toLowerCase() === 'x-amz-security-token');
  const warnings: ImportWarning[] = [
    {
      where,
      message: `The AWS signature became "# @sign aws-sigv4": it is signed afresh at send time with the secret key stored for ${credential[1]} (GW HTTP: Store Secret Key, or GWHTTP_SECRET_<KEYID>).`,
    },
  ];
  if (token) {
    warnings.push({
      where,
      message: 'The X-Amz-Security-Token value is not written into the file: set the variable awsSessionToken.',
    });
  }
  return {
    headers: headers.filter((h) => !awsSignerHeaders.has(h.name.toLowerCase())),
    sign: awsSignSpec(credential[1], credential[2], credential[3], token),
    warnings,
  };
}

/**
 * Turns a pasted signature into what gwhttp signs at send time: `Authorization: hmac id=…` (and
 * `Signature keyId=…`) stay as a template without the stale signature; an AWS
 * `AWS4-HMAC-SHA256 Credential=…` header becomes a `# @sign aws-sigv4` directive and the headers
 * the signer writes are dropped. No secret is ever written.
 */
export function signingFromHeaders(headers: HeaderField[], where: string): SigningFromHeaders {
  for (const header of headers) {
    const credential = header.name.toLowerCase() === 'authorization' ? awsCredential.exec(header.value.trim()) : null;
    if (credential) return awsSigning(headers, credential, where);
  }
  const warnings: ImportWarning[] = [];
  const out = headers.map((header) => {
    const template = parseAuthorizationTemplate(header.name, header.value);
    if (template === null || template.scheme === 'apisix-legacy') return header;
    warnings.push({
      where,
      message: `The ${header.name} header is a ${template.scheme} signing template: gwhttp signs it afresh at send time with the secret key stored for ${template.keyId ?? 'its key id'}.`,
    });
    return { name: header.name, value: withoutSignature(header.value) };
  });
  return { headers: out, sign: null, warnings };
}
