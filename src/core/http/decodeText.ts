import { decodeWithCharset } from '../text/decodeWithCharset';

/** The charset parameter of a Content-Type, lower-cased, or null. */
export function charsetOf(contentType: string | null): string | null {
  const match = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType ?? '');
  return match ? match[1].toLowerCase() : null;
}

/**
 * Decodes body bytes for display: a BOM wins, then the Content-Type charset, then UTF-8 (also for
 * JSON, which has no charset parameter). An unknown charset falls back to UTF-8. A multi-byte
 * character cut by the display limit is dropped rather than shown as a replacement character.
 */
export function decodeText(bytes: Buffer, contentType: string | null, cut: boolean): { text: string; charset: string } {
  const declared = charsetOf(contentType);
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: utf8(bytes.subarray(3), cut), charset: 'utf-8' };
  }
  if (declared && declared !== 'utf-8' && declared !== 'utf8') {
    const text = decodeWithCharset(bytes, declared);
    if (text !== null) return { text, charset: declared };
  }
  return { text: utf8(bytes, cut), charset: 'utf-8' };
}

function utf8(bytes: Buffer, cut: boolean): string {
  return (cut ? bytes.subarray(0, completeUtf8Length(bytes)) : bytes).toString('utf8');
}

/** Length of `bytes` without a trailing, incomplete UTF-8 sequence. */
function completeUtf8Length(bytes: Buffer): number {
  let start = bytes.length - 1;
  while (start >= 0 && start > bytes.length - 4 && (bytes[start] & 0xc0) === 0x80) start--;
  if (start < 0) return bytes.length;
  const lead = bytes[start];
  const needed = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
  return bytes.length - start < needed ? start : bytes.length;
}
