import { createHash, createHmac } from 'node:crypto';

/** Encoding and hashing helpers shared by the cloud schemes (signing-clouds.md §1.3). */

const unreserved = /[A-Za-z0-9\-._~]/;

/**
 * `UriEncode`: the UTF-8 bytes of `text`, unreserved characters kept, every other byte `%XX` with
 * upper-case hex (space is `%20`). With `keepSlash`, `/` is kept too (AWS canonical URI).
 */
export function uriEncode(text: string, keepSlash = false): string {
  if (/^[A-Za-z0-9\-._~]*$/.test(text) || (keepSlash && /^[A-Za-z0-9\-._~/]*$/.test(text))) return text;
  try {
    const encoded = encodeURIComponent(text).replace(
      /[!'()*]/g,
      (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`,
    );
    return keepSlash ? encoded.replace(/%2F/g, '/') : encoded;
  } catch {
    return uriEncodeBytes(text, keepSlash);
  }
}

/** The byte-wise form, for text encodeURIComponent refuses (a lone surrogate is written as U+FFFD). */
function uriEncodeBytes(text: string, keepSlash: boolean): string {
  let result = '';
  for (const character of text) {
    if (unreserved.test(character) || (keepSlash && character === '/')) result += character;
    else {
      for (const byte of Buffer.from(character, 'utf8')) {
        result += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
      }
    }
  }
  return result;
}

/** Percent-decodes byte-wise (`%E1%88%B4` → `ሴ`); `+` stays a plus; malformed escapes stay as written. */
export function percentDecode(text: string): string {
  if (!text.includes('%')) return text;
  try {
    return decodeURIComponent(text);
  } catch {
    return text.replace(/(%[0-9A-Fa-f]{2})+/g, (run) => {
      try {
        return decodeURIComponent(run);
      } catch {
        return run;
      }
    });
  }
}

const emptyBody = new Uint8Array(0);

/** Lower-case hex SHA-256 of a string (UTF-8) or bytes. */
export function sha256Hex(data: string | Uint8Array | null): string {
  return createHash('sha256')
    .update(data ?? emptyBody)
    .digest('hex');
}

/** Raw HMAC-SHA256 (key and message UTF-8 when strings). */
export function hmacSha256(key: string | Uint8Array, message: string): Buffer {
  return createHmac('sha256', key).update(message).digest();
}

/** `YYYYMMDD'T'HHMMSS'Z'` in UTC (X-Amz-Date, X-Sdk-Date). */
export function compactIsoDate(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/** AWS header value: runs of SP, HTAB, CR, LF become one space, then both ends trimmed. */
export function trimCollapse(value: string): string {
  return value.replace(/[ \t\r\n]+/g, ' ').trim();
}

/**
 * Host, path and query of a URL already in wire form (signRequest normalises it first), without
 * parsing it again: `scheme://host[:port]` then the raw path and query; origin-form targets have no host.
 */
export function wireTarget(url: string): { host: string | null; path: string; query: string } {
  const match = /^https?:\/\/([^/?#]*)([^?#]*)(?:\?([^#]*))?/i.exec(url);
  if (match) return { host: match[1].toLowerCase(), path: match[2] || '/', query: match[3] ?? '' };
  const [beforeHash] = url.split('#');
  const at = beforeHash.indexOf('?');
  const path = at < 0 ? beforeHash : beforeHash.slice(0, at);
  return { host: null, path: path.startsWith('/') ? path : `/${path}`, query: at < 0 ? '' : beforeHash.slice(at + 1) };
}

/** Compares by UTF-16 code units of ASCII-only encoded strings (byte order after UriEncode). */
export function compareAscii(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
