import type { SourceText } from '../parser/sourceText';

/** A fenced code block: its opening line, closing line (-1 when it runs to the end) and info word. */
export interface MarkdownFence {
  open: number;
  close: number;
  /** First word of the info string, lower case (`http` for ```` ```http {name=x} ````), or ''. */
  language: string;
  /** The opening fence as written (```` ``` ```` or `~~~~`), for messages. */
  marker: string;
}

/** An ATX heading outside any fence (`#### Address`). */
export interface MarkdownHeading {
  line: number;
  level: number;
  text: string;
}

/** The fences and headings of a Markdown file; line indexes are 0-based. */
export interface MarkdownOutline {
  fences: MarkdownFence[];
  headings: MarkdownHeading[];
}

const fenceOpen = /^ {0,3}(`{3,}|~{3,})[ \t]*([^\s`{]*)/;
const atxHeading = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;

/** First character of a line after at most three spaces, or -1. */
function leadCode(source: SourceText, index: number): number {
  const { text } = source;
  const end = Math.min(source.ends[index], source.starts[index] + 4);
  for (let i = source.starts[index]; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32) return c;
  }
  return -1;
}

function isClosingFence(line: string, fence: MarkdownFence): boolean {
  const trimmed = line.trim();
  if (line.length - line.trimStart().length > 3 || trimmed.length < fence.marker.length) return false;
  for (let i = 0; i < trimmed.length; i++) if (trimmed[i] !== fence.marker[0]) return false;
  return true;
}

/**
 * Reads the block structure gwhttp needs from Markdown (CommonMark's fences and ATX headings): one pass,
 * a regular expression only for lines that start with a backtick, a tilde or a `#`.
 */
export function markdownOutline(source: SourceText): MarkdownOutline {
  const fences: MarkdownFence[] = [];
  const headings: MarkdownHeading[] = [];
  let open: MarkdownFence | null = null;
  for (let i = 0; i < source.count; i++) {
    const c = leadCode(source, i);
    if (open) {
      if ((c === 96 || c === 126) && isClosingFence(source.line(i), open)) {
        open.close = i;
        open = null;
      }
      continue;
    }
    if (c === 96 || c === 126) {
      const line = source.line(i);
      const match = fenceOpen.exec(line);
      // A backtick fence's info string holds no backtick (```` ```a``` ```` is inline code).
      if (match && !(c === 96 && line.indexOf('`', match[0].length) !== -1)) {
        open = { open: i, close: -1, language: match[2].toLowerCase(), marker: match[1] };
        fences.push(open);
      }
    } else if (c === 35) {
      const match = atxHeading.exec(source.line(i));
      if (match) headings.push({ line: i, level: match[1].length, text: match[2] ?? '' });
    }
  }
  return { fences, headings };
}
