/** The named character references a documentation page's `<pre><code>` source uses for code. */
const named: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'", nbsp: '\u00A0' };

/**
 * Decodes HTML character references in text taken from inside a `<pre><code>` wrapper (pasted from a
 * page's HTML source: `{&quot;id&quot;: 1}`): the named ones above and numeric ones (`&#39;`, `&#x27;`).
 * Anything else, `&` without a reference among it, stays as written.
 */
export function decodeHtmlEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(
    /&(?:#(\d{1,7})|#[xX]([0-9A-Fa-f]{1,6})|([A-Za-z]+));/g,
    (whole, decimal: string | undefined, hex: string | undefined, name: string | undefined) => {
      if (name !== undefined) return named[name] ?? whole;
      const code = decimal !== undefined ? Number(decimal) : Number.parseInt(hex ?? '', 16);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : whole;
    },
  );
}
