import { type BodyToken, pushToken } from './bodyToken';

// One token at a time: a string (a key when a colon follows), a number, a literal, punctuation, or anything else.
const jsonToken =
  /("(?:[^"\\]|\\.)*"?)(\s*:)?|(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)|(true|false|null)\b|([{}[\],:])|(\s+|[^"\s{}[\],:]+)/g;

/**
 * The tokens of one line of JSON (the pretty form, where no string spans lines). Never throws: what is
 * not JSON stays plain text, and the tokens' texts join back to the line exactly.
 */
export function tokenizeJsonLine(line: string): BodyToken[] {
  const tokens: BodyToken[] = [];
  jsonToken.lastIndex = 0;
  for (let match = jsonToken.exec(line); match !== null; match = jsonToken.exec(line)) {
    const [, string, colon, number, literal, punctuation, other] = match;
    if (string !== undefined) {
      pushToken(tokens, colon === undefined ? 'string' : 'key', string);
      if (colon !== undefined) pushToken(tokens, 'punctuation', colon);
    } else if (number !== undefined) pushToken(tokens, 'number', number);
    else if (literal !== undefined) pushToken(tokens, 'literal', literal);
    else if (punctuation !== undefined) pushToken(tokens, 'punctuation', punctuation);
    else pushToken(tokens, 'plain', other ?? match[0]);
  }
  return tokens;
}
