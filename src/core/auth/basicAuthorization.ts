import type { HeaderField } from '../model/outgoing';

/** An `Authorization` header after Basic credentials written in clear were encoded. */
export interface EncodedBasic {
  headers: HeaderField[];
  /** What the outputs must mask: each password, and each `Basic` token sent (it decodes to the password). */
  secrets: string[];
}

const basicValue = /^(\s*basic)\s+(\S.*?)\s*$/i;

/**
 * `Authorization: Basic user:password` and `Basic user password` (REST Client) become
 * `Basic base64(user:password)` (UTF-8, RFC 7617). The rule: a value holding a colon or a space is
 * clear text (split at the first colon, else at the first run of spaces); a single token with neither
 * is already Base64 (its alphabet has no colon or space) and is sent as it is.
 */
export function encodeBasicAuthorization(headers: readonly HeaderField[]): EncodedBasic {
  const secrets: string[] = [];
  const encoded = headers.map((header) => {
    if (header.name.toLowerCase() !== 'authorization') return header;
    const match = basicValue.exec(header.value);
    if (!match) return header;
    const credentials = clearCredentials(match[2]);
    if (credentials === null) {
      secrets.push(match[2]);
      return header;
    }
    const token = Buffer.from(`${credentials.user}:${credentials.password}`, 'utf8').toString('base64');
    if (credentials.password !== '') secrets.push(credentials.password);
    secrets.push(token);
    return { name: header.name, value: `${match[1].trimStart()} ${token}` };
  });
  return { headers: encoded, secrets };
}

/** `user:password` or `user password` written in clear, or null for a token sent as it is. */
function clearCredentials(text: string): { user: string; password: string } | null {
  const colon = text.indexOf(':');
  if (colon >= 0) return { user: text.slice(0, colon), password: text.slice(colon + 1) };
  const space = /\s+/.exec(text);
  if (!space) return null;
  return { user: text.slice(0, space.index), password: text.slice(space.index + space[0].length) };
}
