import type { HeaderLine } from '../model/document';
import { type BlockKind, blockLabels } from './blockHeadings';
import { checkTemplates } from './checkTemplates';
import { DiagnosticSink, quote } from './diagnosticSink';
import { splitHeaderLine } from './parseHeaderLine';
import { type ContentLine, readBlockContent } from './readBlockContent';
import type { SourceText } from './sourceText';

/** One block of a block-form request, its content extracted for its kind. */
export interface Block {
  kind: BlockKind;
  /** 0-based index of the block heading. */
  heading: number;
  /** Content lines that belong to the request (notes and blank edges removed). */
  values: ContentLine[];
  headers: HeaderLine[];
  /** Index of the last line the block uses (the heading when it is empty). */
  lastLine: number;
  /** First line of prose after the block's content (documentation), or `end` when none. */
  proseFrom: number;
}

function isNote(text: string): boolean {
  const trimmed = text.trimStart();
  return trimmed.startsWith('//');
}

function unquoteInlineCode(text: string): string {
  const trimmed = text.trim();
  return trimmed.length > 1 && trimmed.startsWith('`') && trimmed.endsWith('`') ? trimmed.slice(1, -1).trim() : trimmed;
}

/** Address and Method: the first content line; without a wrapper the rest is prose. */
function firstValue(lines: ContentLine[], wrapped: boolean, end: number): { values: ContentLine[]; proseFrom: number } {
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i].text;
    const value = { text: unquoteInlineCode(text), line: lines[i].line };
    if (value.text === '' || isNote(text)) continue;
    return { values: [value], proseFrom: wrapped ? end : lines[i].line + 1 };
  }
  return { values: [], proseFrom: end };
}

/** Headers: `Name: value` lines; any other line is prose (inside a wrapper it is an error). */
function headerValues(
  lines: ContentLine[],
  wrapped: boolean,
  end: number,
  sink: DiagnosticSink,
): { headers: HeaderLine[]; proseFrom: number } {
  const headers: HeaderLine[] = [];
  for (const { text, line } of lines) {
    if (text.trim() === '' || isNote(text)) continue;
    const header = splitHeaderLine(text, line);
    if (header) {
      headers.push(header);
      checkTemplates(text, line, `the header ${quote(header.name)}`, 'error', sink);
    } else if (wrapped) {
      sink.error(
        line,
        'header-without-colon',
        `${quote(text)} is not a header: in a Request header block write each header as 'Name: value' (a '//' line is a note).`,
      );
    } else {
      return { headers, proseFrom: line };
    }
  }
  return { headers, proseFrom: end };
}

/** Body: all content lines except notes, blank lines trimmed at both ends. */
function bodyValues(lines: ContentLine[]): ContentLine[] {
  const kept = lines.filter((l) => !isNote(l.text));
  let first = 0;
  let last = kept.length - 1;
  while (first <= last && kept[first].text.trim() === '') first++;
  while (last >= first && kept[last].text.trim() === '') last--;
  return kept.slice(first, last + 1);
}

/** Reads the block whose heading is at `heading` and which runs to `end` (exclusive). */
export function readBlock(
  source: SourceText,
  kind: BlockKind,
  heading: number,
  end: number,
  sink: DiagnosticSink,
): Block {
  const content = readBlockContent(source, heading, end, sink);
  const block: Block = {
    kind,
    heading,
    values: [],
    headers: [],
    lastLine: heading,
    proseFrom: content.wrapped ? content.proseFrom : end,
  };
  if (kind === 'address' || kind === 'method') {
    const first = firstValue(content.lines, content.wrapped, end);
    block.values = first.values;
    if (!content.wrapped) block.proseFrom = first.proseFrom;
  } else if (kind === 'headers') {
    const read = headerValues(content.lines, content.wrapped, end, sink);
    block.headers = read.headers;
    if (!content.wrapped) block.proseFrom = read.proseFrom;
    if (read.headers.length > 0) block.lastLine = read.headers[read.headers.length - 1].line - 1;
  } else {
    block.values = bodyValues(content.lines);
  }
  if (block.values.length > 0) block.lastLine = block.values[block.values.length - 1].line;
  if (block.values.length === 0 && block.headers.length === 0) warnEmpty(block, sink);
  return block;
}

function warnEmpty(block: Block, sink: DiagnosticSink): void {
  const label = blockLabels[block.kind];
  const example = {
    address: 'the request URL',
    method: 'the method (e.g. POST)',
    body: 'the request body',
    headers: "one 'Name: value' line per header",
  }[block.kind];
  const severity = block.kind === 'address' ? 'error' : 'warning';
  sink.add(
    block.heading,
    severity,
    'empty-block',
    `The ${label} block is empty: put ${example} under this heading${block.kind === 'address' ? '' : ', or remove the heading'}.`,
  );
}
