import { secretMask } from './secretMask';

const secretHeaderName = /(secret|password|passwd|api[-_]?key|private[-_]?key|x-auth-token|security-token|x-tc-token)/i;

/**
 * True for header names whose value is itself a credential (`X-Amz-Security-Token`, `X-Api-Key`),
 * not an id such as `X-Secret-ID`. `Authorization` is not one: a signature is derived and expires
 * (the panel and Copy as cURL show it); only its reversible forms are masked (`credentialHeaderValue`).
 */
function isCredentialHeader(name: string): boolean {
  return secretHeaderName.test(name) && !/[-_]id$/i.test(name);
}

const authorizationHeader = /^(proxy-)?authorization$/i;
/** Schemes whose credentials are the secret itself, or base64 of it (RFC 7617, RFC 6750). */
const bareCredentialScheme = /^(basic|bearer|token|apikey)\s+\S/i;

/** The value to show for a header before secrets are masked in it: the mask for a credential, else null. */
export function credentialHeaderValue(name: string, value: string): string | null {
  if (isCredentialHeader(name)) return secretMask;
  if (authorizationHeader.test(name) && bareCredentialScheme.test(value.trim())) {
    return `${value.trim().split(/\s+/)[0]} ${secretMask}`;
  }
  return null;
}
