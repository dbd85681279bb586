/** Masking so that secrets never reach output, logs, errors or JSON. */

export const secretMask = '********';

/** A fixed mask that reveals neither the secret nor its length. */
export function maskSecret(_secret: string): string {
  return secretMask;
}

/** `text` with every occurrence of each non-trivial secret (4+ characters) replaced by the mask. */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  let redacted = text;
  for (const secret of secrets) {
    if (secret.length < 4) continue;
    redacted = redacted.split(secret).join(secretMask);
  }
  return redacted;
}
