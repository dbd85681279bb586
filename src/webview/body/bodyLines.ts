import { h, type ViewNode } from '../viewNode';
import type { BodyToken } from './bodyToken';
import { tokenizeJsonLine } from './tokenizeJson';
import { tokenizeXmlLine, type XmlState } from './tokenizeXml';

/** The languages the panel colours (their pretty form only; raw bodies and other types stay plain). */
export type BodyHighlight = 'json' | 'xml' | null;

/** Where the next chunk of a body starts: character offset, line number, the XML tokenizer's state. */
export interface BodyCursor {
  offset: number;
  line: number;
  xml: XmlState;
}

/** What is left of a body to mount after its first lines (main.ts mounts it in slices, see streamLines). */
export interface LineStream {
  text: string;
  highlight: BodyHighlight;
  folding: boolean;
  cursor: BodyCursor;
}

export const startCursor: BodyCursor = { offset: 0, line: 0, xml: 'text' };

/** Lines longer than this are shown plain: colouring them would cost more than it helps. */
export const highlightLineLimit = 20_000;

/** At most this many lines of a body are shown in the panel (tens of thousands of lines make layout slow). */
export const bodyLineLimit = 5_000;

export const moreLinesNote = `Only the first ${bodyLineLimit.toLocaleString('en')} lines are shown here: Open in Editor shows all of it.`;

function indentOf(text: string, from: number): number {
  let at = from;
  while (text[at] === ' ' || text[at] === '\t') at++;
  return at - from;
}

function tokenNodes(tokens: readonly BodyToken[]): ViewNode[] {
  return tokens.map((token) =>
    token.kind === 'plain'
      ? { tag: 'span', text: token.text }
      : { tag: 'span', className: `tok-${token.kind}`, text: token.text },
  );
}

/**
 * The next `maxLines` lines of a body as line elements: coloured tokens when `highlight` says so, and a fold
 * toggle on a line whose next line is indented deeper (`folding`, for the pretty forms, which indent by
 * nesting). Returns the cursor after them, or null at the end. Pure.
 */
export function bodyChunk(
  text: string,
  highlight: BodyHighlight,
  cursor: BodyCursor,
  maxLines: number,
  folding: boolean,
): { nodes: ViewNode[]; cursor: BodyCursor | null } {
  const nodes: ViewNode[] = [];
  let { offset, xml } = cursor;
  let line = cursor.line;
  while (nodes.length < maxLines && offset <= text.length) {
    if (line >= bodyLineLimit) {
      nodes.push({ tag: 'div', className: 'line more-lines', text: moreLinesNote });
      return { nodes, cursor: null };
    }
    const newline = text.indexOf('\n', offset);
    const end = newline === -1 ? text.length : newline;
    const content = text.slice(offset, end);
    let tokens: BodyToken[] = [{ kind: 'plain', text: content }];
    if (highlight !== null && content.length <= highlightLineLimit) {
      if (highlight === 'json') tokens = tokenizeJsonLine(content);
      else ({ tokens, state: xml } = tokenizeXmlLine(content, xml));
    }
    const node = h('div', 'line', ...tokenNodes(tokens));
    const indent = indentOf(text, offset);
    if (folding && newline !== -1 && indentOf(text, newline + 1) > indent) {
      const toggle: ViewNode = {
        tag: 'span',
        className: 'fold',
        attributes: { role: 'button', 'aria-expanded': 'true', 'aria-label': 'Fold', 'data-fold': String(indent) },
      };
      node.children = [toggle, ...(node.children ?? [])];
    }
    nodes.push(node);
    line++;
    offset = end + 1;
    if (newline === -1) return { nodes, cursor: null };
  }
  return { nodes, cursor: { offset, line, xml } };
}
