/** Deciding whether a variable looks secret, and masking it for completion, hover and messages. */

const secretNamePattern = /(secret|passw(or)?d|pwd|token|api[-_]?key|private|credential|signing[-_]?key|^sk$|key$)/i;
const notSecretNamePattern = /(id|name|url|host|type|header)$/i;

export const maskedValue = '••••••••';

/** `secretKey`, `password`, `apiKey`, `token` look secret; `secretId`, `keyId` do not. */
export function isSecretName(name: string): boolean {
  return secretNamePattern.test(name) && !notSecretNamePattern.test(name);
}

/** A long unbroken mix of upper case, lower case and digits, like a generated key (but not an AKID… key id). */
export function looksLikeSecretValue(value: string): boolean {
  if (value.length < 20 || !/^[A-Za-z0-9+/=_-]+$/.test(value) || /^AKID/.test(value)) return false;
  return /[a-z]/.test(value) && /[A-Z]/.test(value) && /\d/.test(value);
}

export function maskIfSecret(name: string, value: string): { value: string; isSecret: boolean } {
  const isSecret = !value.includes('{{') && (isSecretName(name) || looksLikeSecretValue(value));
  return { value: isSecret ? maskedValue : value, isSecret };
}
