/**
 * The WHATWG windows-1252 characters for bytes 0x80-0x9F (the Encoding Standard's index-windows-1252).
 * Bytes 0x81, 0x8D, 0x8F, 0x90 and 0x9D keep their C1 code point.
 *
 * Node since 20.18.3 / 22.13.0 decodes windows-1252 (and so every label that means it: latin1,
 * iso-8859-1, ascii, …) with its Latin-1 fast path, which turns these bytes into C1 control
 * characters instead (nodejs/node#60888, #56542): `’` becomes U+0092, `€` U+0080. This table puts
 * them right again; on a Node that decodes correctly there is nothing left to replace.
 */
const highCharacters =
  '\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F' +
  '\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178';

const c1Controls = /[\u0080-\u009F]/g;

/** `text` as decoded by a Latin-1 decoder, with its 0x80-0x9F characters mapped as windows-1252 maps them. */
export function fixWindows1252(text: string): string {
  return text.replace(c1Controls, (character) => highCharacters[character.charCodeAt(0) - 0x80]);
}
