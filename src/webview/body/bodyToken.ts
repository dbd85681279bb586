/** A run of characters of one kind on one line of a body; the kind becomes a `tok-<kind>` class. */
export type TokenKind =
  'key' | 'string' | 'number' | 'literal' | 'punctuation' | 'tag' | 'attribute' | 'comment' | 'plain';

export interface BodyToken {
  kind: TokenKind;
  text: string;
}

/** Appends a token, merging it into the previous one of the same kind (fewer elements to create). */
export function pushToken(tokens: BodyToken[], kind: TokenKind, text: string): void {
  if (text === '') return;
  const last = tokens[tokens.length - 1];
  if (last && last.kind === kind) last.text += text;
  else tokens.push({ kind, text });
}
