import { type BodyToken, pushToken, type TokenKind } from './bodyToken';

/** Where a line of XML starts: in text, inside a comment or CDATA, inside a tag, or inside a quoted attribute value. */
export type XmlState = 'text' | 'comment' | 'cdata' | 'tag' | 'quote"' | "quote'";

interface Scan {
  tokens: BodyToken[];
  line: string;
  at: number;
}

/** Up to (and with) `end`, as one token of `kind`; true when `end` was found on this line. */
function until(scan: Scan, end: string, kind: TokenKind): boolean {
  const found = scan.line.indexOf(end, scan.at);
  const stop = found === -1 ? scan.line.length : found + end.length;
  pushToken(scan.tokens, kind, scan.line.slice(scan.at, stop));
  scan.at = stop;
  return found !== -1;
}

function inText(scan: Scan): XmlState {
  const { line } = scan;
  if (line.startsWith('<!--', scan.at)) return until(scan, '-->', 'comment') ? 'text' : 'comment';
  if (line.startsWith('<![CDATA[', scan.at)) return until(scan, ']]>', 'comment') ? 'text' : 'cdata';
  if (line[scan.at] === '<') {
    const name = /^<[/?!]?[^\s/>]*/.exec(line.slice(scan.at, scan.at + 256))?.[0] ?? '<';
    pushToken(scan.tokens, 'tag', name);
    scan.at += name.length;
    return 'tag';
  }
  const next = line.indexOf('<', scan.at);
  const stop = next === -1 ? line.length : next;
  pushToken(scan.tokens, 'plain', line.slice(scan.at, stop));
  scan.at = stop;
  return 'text';
}

function inTag(scan: Scan): XmlState {
  const rest = scan.line.slice(scan.at, scan.at + 1024);
  const end = /^[/?]?>/.exec(rest)?.[0];
  if (end) {
    pushToken(scan.tokens, 'tag', end);
    scan.at += end.length;
    return 'text';
  }
  const quote = rest[0];
  if (quote === '"' || quote === "'") {
    pushToken(scan.tokens, 'string', quote);
    scan.at++;
    return until(scan, quote, 'string') ? 'tag' : (`quote${quote}` as XmlState);
  }
  const part = /^(\s+|=|[^\s=/>?"']+|.)/.exec(rest)![0];
  pushToken(scan.tokens, /^\s+$/.test(part) ? 'plain' : part === '=' ? 'punctuation' : 'attribute', part);
  scan.at += part.length;
  return 'tag';
}

/**
 * The tokens of one line of XML and the state the next line starts in (comments, CDATA and attribute
 * values may span lines). Never throws; the tokens' texts join back to the line exactly.
 */
export function tokenizeXmlLine(line: string, state: XmlState): { tokens: BodyToken[]; state: XmlState } {
  const scan: Scan = { tokens: [], line, at: 0 };
  while (scan.at < line.length) {
    switch (state) {
      case 'comment':
        state = until(scan, '-->', 'comment') ? 'text' : 'comment';
        break;
      case 'cdata':
        state = until(scan, ']]>', 'comment') ? 'text' : 'cdata';
        break;
      case 'quote"':
      case "quote'":
        state = until(scan, state[5], 'string') ? 'tag' : state;
        break;
      case 'tag':
        state = inTag(scan);
        break;
      default:
        state = inText(scan);
    }
  }
  return { tokens: scan.tokens, state };
}
