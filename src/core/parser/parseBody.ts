import type { AssertionLine, HeaderLine, LineRange, ResponseSaveLine } from '../model/document';
import { checkTemplates } from './checkTemplates';
import type { LineKind } from './classifyLine';
import type { ParseContext } from './parseContext';
import { scriptKindAt, skipScript } from './scriptLines';

export interface ParsedBody {
  body: string | null;
  bodyRange: LineRange | null;
  /** Index of the last non-blank line the body part covers (handlers included), or -1. */
  lastLine: number;
}

/** True when the request's Content-Type is multipart (its body lines are joined with CRLF). */
export function isMultipart(headers: HeaderLine[]): boolean {
  for (const header of headers) {
    if (header.name.length === 12 && header.name.toLowerCase() === 'content-type') {
      return header.value.trimStart().toLowerCase().startsWith('multipart/');
    }
  }
  return false;
}

/** Joins body lines: LF, or CRLF for multipart bodies. */
export function joinBody(lines: string[], headers: HeaderLine[]): string {
  return lines.join(bodySeparator(headers));
}

/** The line separator of a body: CRLF for multipart, else LF. */
export function bodySeparator(headers: HeaderLine[]): string {
  return isMultipart(headers) ? '\r\n' : '\n';
}

/**
 * Reads a line-form body: every line from `start` to `end` as written (comment-looking lines kept),
 * trailing blank lines and trailing comment lines removed (`trailingCommentsStart`). A response handler or script ends the body; it is skipped with a warning.
 */
export function parseBody(
  context: ParseContext,
  start: number,
  end: number,
  headers: HeaderLine[],
  assertions: AssertionLine[],
  saves: ResponseSaveLine[] | null = null,
): ParsedBody {
  const { source, kinds, sink } = context;
  let lastContent = -1;
  let lastLine = -1;
  let i = start;
  for (; i < end; i++) {
    if (kinds[i] === 'blank') continue;
    if (kinds[i] === 'text' && scriptKindAt(source, i) !== null) break;
    lastContent = i;
  }
  const bodyEnd = trailingCommentsStart(context, start, lastContent + 1);
  lastLine = bodyEnd > start ? bodyEnd - 1 : -1;
  for (; i < end; i++) {
    if (kinds[i] === 'blank' || isCommentKind(kinds[i])) continue;
    if (scriptKindAt(source, i) !== null) i = skipScript(source, i, end, sink, assertions, saves);
    else {
      sink.warning(
        i,
        'text-after-handler',
        'This line follows a response handler and is ignored: put body text before the handler.',
      );
    }
    lastLine = i;
  }
  if (bodyEnd <= start) return { body: null, bodyRange: null, lastLine };
  const body = source.join(start, bodyEnd, bodySeparator(headers));
  if (body.includes('{{')) {
    for (let j = start; j < bodyEnd; j++) checkTemplates(source.line(j), j, 'the body', 'warning', sink);
  }
  return { body, bodyRange: { startLine: start + 1, endLine: bodyEnd }, lastLine };
}

function isCommentKind(kind: LineKind): boolean {
  return kind === 'comment' || kind === 'directive' || kind === 'heading';
}

/**
 * Where the body ends once trailing comment lines are left out: comment lines (`# …`, `// …`, block
 * comments) after the body's last other line are not sent when a blank line parts them from it, or when
 * the body holds nothing else (REST Client trims them, httpYac reads them as comments); a comment line
 * right under body text stays body (a YAML body's last `# …`). Returns `end` when nothing is trimmed.
 */
function trailingCommentsStart(context: ParseContext, start: number, end: number): number {
  const { kinds } = context;
  let last = end - 1;
  while (last >= start && (kinds[last] === 'blank' || isCommentKind(kinds[last]))) last--;
  if (last === end - 1) return end;
  if (last < start) return start;
  let i = last + 1;
  while (i < end && kinds[i] !== 'blank') i++;
  return i;
}
