import { TextDecoder } from 'node:util';

import { fixWindows1252 } from './windows1252';

/**
 * Decodes bytes in a named charset with the platform's WHATWG TextDecoder (Node ships full ICU, so
 * GBK, GB18030, Big5, Shift_JIS, EUC-KR, the ISO-8859 and Windows code pages are all there).
 * Returns null when the label is not a known encoding. A BOM for the charset is stripped.
 */
export function decodeWithCharset(bytes: Uint8Array, charset: string): string | null {
  const decoder = charsetDecoder(charset);
  if (!decoder) return null;
  const text = decoder.decode(bytes);
  return decoder.encoding === 'windows-1252' ? fixWindows1252(text) : text;
}

export function isKnownCharset(charset: string): boolean {
  return charsetDecoder(charset) !== null;
}

function charsetDecoder(charset: string): TextDecoder | null {
  try {
    return new TextDecoder(charset.trim());
  } catch {
    return null;
  }
}
