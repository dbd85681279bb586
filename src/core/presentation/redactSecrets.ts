import type { HeaderField } from '../model/outgoing';
import { redactSecrets, secretMask } from '../secrets/maskSecret';

export { redactSecrets, secretMask };

const secretHeaderName = /(secret|password|passwd|api[-_]?key|private[-_]?key|x-auth-token|security-token|x-tc-token)/i;

/** True for header names whose value is itself a credential (not an id such as `X-Secret-ID`). */
export function isCredentialHeader(name: string): boolean {
  return secretHeaderName.test(name) && !/[-_]id$/i.test(name);
}

/** Masks credential-carrying header values and any known secret inside the others. */
export function redactHeaders(headers: readonly HeaderField[], secrets: readonly string[]): HeaderField[] {
  return headers.map((header) => ({
    name: redactSecrets(header.name, secrets),
    value: isCredentialHeader(header.name) ? secretMask : redactSecrets(header.value, secrets),
  }));
}
