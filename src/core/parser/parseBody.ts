import type { AssertionLine, HeaderLine, LineRange } from '../model/document';
import { checkTemplates } from './checkTemplates';
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
 * trailing blank lines removed. A response handler or script ends the body; it is skipped with a warning.
 */
export function parseBody(
  context: ParseContext,
  start: number,
  end: number,
  headers: HeaderLine[],
  assertions: AssertionLine[],
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
  const bodyEnd = lastContent + 1;
  lastLine = lastContent;
  for (; i < end; i++) {
    if (kinds[i] === 'blank') continue;
    if (scriptKindAt(source, i) !== null) i = skipScript(source, i, end, sink, assertions);
    else {
      sink.warning(
        i,
        'text-after-handler',
        'This line follows a response handler and is ignored: put body text before the handler.',
      );
    }
    lastLine = i;
  }
  if (lastContent === -1) return { body: null, bodyRange: null, lastLine };
  const body = source.join(start, bodyEnd, bodySeparator(headers));
  warnIfOnlyComments(context, start, bodyEnd);
  if (body.includes('{{')) {
    for (let j = start; j < bodyEnd; j++) checkTemplates(source.line(j), j, 'the body', 'warning', sink);
  }
  return { body, bodyRange: { startLine: start + 1, endLine: bodyEnd }, lastLine };
}

/** A body made only of comment-looking lines is almost always a misplaced comment: say so. */
function warnIfOnlyComments(context: ParseContext, start: number, end: number): void {
  const { kinds, sink } = context;
  let first = -1;
  for (let i = start; i < end; i++) {
    const kind = kinds[i];
    if (kind === 'blank') continue;
    if (kind !== 'comment' && kind !== 'directive' && kind !== 'heading') return;
    if (first === -1) first = i;
  }
  if (first === -1) return;
  sink.warning(
    first,
    'comment-only-body',
    "These comment-looking lines come after the blank line that ends the headers, so they are sent as the request body (gwhttp never strips body lines). If they are comments, move them above the request line or below the next '###'.",
  );
}
