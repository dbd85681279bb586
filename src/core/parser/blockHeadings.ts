/** The headings that open a block of a request in block form (gateway documentation samples). */
export type BlockKind = 'address' | 'method' | 'body' | 'headers';

const blockNames: ReadonlyMap<string, BlockKind> = new Map<string, BlockKind>([
  ['address', 'address'],
  ['addresses', 'address'],
  ['url', 'address'],
  ['urls', 'address'],
  ['method', 'method'],
  ['methods', 'method'],
  ['request body', 'body'],
  ['request bodies', 'body'],
  ['body', 'body'],
  ['bodies', 'body'],
  ['request header', 'headers'],
  ['request headers', 'headers'],
  ['header', 'headers'],
  ['headers', 'headers'],
]);

/** Human name of a block kind, for messages. */
export const blockLabels: Readonly<Record<BlockKind, string>> = {
  address: 'Address',
  method: 'Method',
  body: 'Request body',
  headers: 'Request header',
};

/**
 * The block kind a heading's text names (case-insensitive, singular or plural, a trailing `:` or
 * closing `#`s allowed), or null for any other heading.
 */
export function blockKindOf(headingText: string): BlockKind | null {
  if (headingText.length > 40) return null;
  let text = headingText.trim().toLowerCase();
  while (text.endsWith('#') || text.endsWith(':')) text = text.slice(0, -1).trimEnd();
  // Runs of white space count as one space (most headings have none to fold).
  if (/\s\s|[^\S ]/.test(text)) text = text.split(/\s+/).join(' ');
  return blockNames.get(text) ?? null;
}
