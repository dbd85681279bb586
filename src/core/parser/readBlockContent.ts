import { indentOf } from './classifyLine';
import type { DiagnosticSink } from './diagnosticSink';
import { decodeHtmlEntities } from './htmlEntities';
import type { SourceText } from './sourceText';

/** One content line of a block: its text (wrapper tags removed, HTML references inside `<pre><code>` decoded) and 0-based line index. */
export interface ContentLine {
  text: string;
  line: number;
}

/** The lines of a block (between its heading and the next heading), wrapper resolved. */
export interface BlockContent {
  lines: ContentLine[];
  /** True when the content came from a `<pre><code>` or ``` wrapper. */
  wrapped: boolean;
  /** First line after the wrapper (the rest of the block is prose), or -1 without a wrapper. */
  proseFrom: number;
}

function isWrapperOpen(line: string): boolean {
  const start = indentOf(line);
  return line.startsWith('<pre', start) || line.startsWith('<code', start) || line.startsWith('```', start);
}

/** Removes leading `<pre…>`/`<code…>` tags. */
function stripOpeningTags(text: string): string {
  let rest = text.trimStart();
  while (rest.startsWith('<pre') || rest.startsWith('<code')) {
    const close = rest.indexOf('>');
    if (close === -1) return '';
    rest = rest.slice(close + 1);
  }
  return rest;
}

/** Index of a closing `</code>` or `</pre>` tag in `text`, or -1. */
function closingTagAt(text: string): number {
  const code = text.indexOf('</code>');
  const pre = text.indexOf('</pre>');
  if (code === -1) return pre;
  return pre === -1 ? code : Math.min(code, pre);
}

function readHtmlWrapper(source: SourceText, open: number, end: number, out: ContentLine[]): number {
  let opening = true;
  for (let i = open; i < end; i++) {
    let text = source.line(i);
    // Opening tags may be split over lines (`<pre>` then `<code>`) before the first content.
    if (opening && isWrapperOpen(text)) text = stripOpeningTags(text);
    const close = closingTagAt(text);
    if (close !== -1) {
      const before = text.slice(0, close);
      if (before.trim() !== '') out.push({ text: decodeHtmlEntities(before), line: i });
      return i;
    }
    if (!opening || text.trim() !== '') {
      out.push({ text: decodeHtmlEntities(text), line: i });
      opening = false;
    }
  }
  return -1;
}

function readFence(source: SourceText, open: number, end: number, out: ContentLine[]): number {
  for (let i = open + 1; i < end; i++) {
    if (source.line(i).trimStart().startsWith('```')) return i;
    out.push({ text: source.line(i), line: i });
  }
  return -1;
}

/**
 * Collects a block's content. When the block holds a wrapper, only the lines inside the (first)
 * wrapper count; otherwise every line up to `end` does and the block kind decides where prose starts.
 */
export function readBlockContent(source: SourceText, heading: number, end: number, sink: DiagnosticSink): BlockContent {
  let open = -1;
  for (let i = heading + 1; i < end && open === -1; i++) if (isWrapperOpen(source.line(i))) open = i;
  const content: ContentLine[] = [];
  if (open === -1) {
    for (let i = heading + 1; i < end; i++) content.push({ text: source.line(i), line: i });
    return { lines: content, wrapped: false, proseFrom: -1 };
  }
  const isFence = source.line(open).trimStart().startsWith('```');
  const close = isFence ? readFence(source, open, end, content) : readHtmlWrapper(source, open, end, content);
  if (close === -1) {
    sink.warning(
      open,
      'unclosed-wrapper',
      `This ${isFence ? '```' : '<pre><code>'} block is not closed before the next heading: close it with ${isFence ? '```' : '</code></pre>'}.`,
    );
    return { lines: content, wrapped: true, proseFrom: end };
  }
  return { lines: content, wrapped: true, proseFrom: close + 1 };
}
