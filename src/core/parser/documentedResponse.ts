import { volatileHeaders } from '../assert/volatileHeaders';
import type { AssertionLine } from '../model/document';
import type { DiagnosticSink } from './diagnosticSink';
import { quote } from './diagnosticSink';
import { splitHeaderLine } from './parseHeaderLine';
import { type ContentLine, readBlockContent } from './readBlockContent';
import type { SourceText } from './sourceText';

/** The headings of a gateway document's response sample: what a correct answer looks like. */
export type ResponseBlockKind = 'responseCode' | 'responseHeaders';

const responseBlockNames: ReadonlyMap<string, ResponseBlockKind> = new Map<string, ResponseBlockKind>([
  ['response code', 'responseCode'],
  ['response codes', 'responseCode'],
  ['response status', 'responseCode'],
  ['status code', 'responseCode'],
  ['response header', 'responseHeaders'],
  ['response headers', 'responseHeaders'],
]);

/** The response block a heading's text names (as `blockKindOf` reads request headings), or null. */
export function responseBlockKindOf(headingText: string): ResponseBlockKind | null {
  if (headingText.length > 40) return null;
  let text = headingText.trim().toLowerCase();
  while (text.endsWith('#') || text.endsWith(':')) text = text.slice(0, -1).trimEnd();
  return responseBlockNames.get(text.split(/\s+/).join(' ')) ?? null;
}

/**
 * Headers checked for presence only: their value is the caller's own (key, plan), a running count, or
 * the sample body's type, so the documented value is an example, not an expectation.
 */
const presenceOnlyHeaders = new Set([
  'content-type',
  'x-secret-id',
  'x-usageplan-id',
  'x-ratelimit-used',
  'x-ratelimit-remaining',
  'x-ratelimit-reset',
  'retry-after',
  'ratelimit',
  'ratelimit-limit',
  'ratelimit-remaining',
  'ratelimit-reset',
  'ratelimit-policy',
]);

/** A documented value that stands for one (`XXXXXXXX`, `<your-id>`, `{id}`, `...`, empty) is not compared. */
export function isPlaceholderValue(value: string): boolean {
  return value.trim() === '' || /x{3,}/i.test(value) || /<[^>]*>|\{[^}]*\}|\.\.\.|…/.test(value);
}

const isNote = (text: string) => text.trimStart().startsWith('//');

/** The expectations a documented response block states, as `??` assertion lines marked as documentation. */
export function readDocumentedResponse(
  source: SourceText,
  kind: ResponseBlockKind,
  heading: number,
  end: number,
  sink: DiagnosticSink,
): AssertionLine[] {
  const lines = readBlockContent(source, heading, end, sink).lines.filter(
    (line) => line.text.trim() !== '' && !isNote(line.text),
  );
  return kind === 'responseCode' ? statusExpectations(lines, heading, sink) : headerExpectations(lines);
}

function documented(text: string, line: ContentLine): AssertionLine {
  return { text, line: line.line + 1, origin: 'documentation' };
}

function headerExpectations(lines: readonly ContentLine[]): AssertionLine[] {
  const expectations: AssertionLine[] = [];
  for (const line of lines) {
    const header = splitHeaderLine(line.text, line.line);
    if (!header) continue;
    const name = header.name.toLowerCase();
    if (volatileHeaders.has(name)) continue;
    const compared = !presenceOnlyHeaders.has(name) && !isPlaceholderValue(header.value);
    expectations.push(documented(`header ${header.name} ${compared ? `== ${header.value}` : 'exists'}`, line));
  }
  return expectations;
}

/** `200`, `2xx`, `200-299`, `200 ≤ code < 300` (also with `<=`), as `status` assertion texts; null otherwise. */
export function statusChecks(text: string): string[] | null {
  const cell = text.trim();
  const single = /^([1-5]\d\d)\b/.exec(cell);
  if (single && !/^\d{3}\s*(?:-|–|≤|<=|<)/.test(cell)) return [`status == ${single[1]}`];
  const family = /^([1-5])xx\b/i.exec(cell);
  if (family) return [`status >= ${family[1]}00`, `status < ${Number(family[1]) + 1}00`];
  const span = /^([1-5]\d\d)\s*(?:-|–)\s*([1-5]\d\d)$/.exec(cell);
  if (span) return [`status >= ${span[1]}`, `status <= ${span[2]}`];
  const range = /^([1-5]\d\d)\s*(≤|<=|<)\s*(?:code|status)\s*(<|≤|<=)\s*([1-6]\d\d)$/i.exec(cell);
  if (range) {
    const lower = range[2] === '<' ? '>' : '>=';
    const upper = range[3] === '<' ? '<' : '<=';
    return [`status ${lower} ${range[1]}`, `status ${upper} ${range[4]}`];
  }
  return null;
}

/** A Markdown table row's cells, or null for a line that is not one (or is its `|---|` rule). */
function tableCells(text: string): string[] | null {
  const trimmed = text.trim();
  if (!trimmed.startsWith('|')) return null;
  const cells = trimmed
    .replace(/^\||\|$/g, '')
    .split('|')
    .map((cell) => cell.trim());
  return cells.every((cell) => /^:?-{2,}:?$/.test(cell)) ? null : cells;
}

/**
 * The documented status: a plain `200` (the first line that reads as one), or, in a table of status
 * ranges, the row whose description says success (else the first row that reads as a status).
 */
function statusExpectations(lines: readonly ContentLine[], heading: number, sink: DiagnosticSink): AssertionLine[] {
  let firstReadable: { checks: string[]; line: ContentLine } | null = null;
  for (const line of lines) {
    const cells = tableCells(line.text);
    const checks = statusChecks(cells ? cells[0] : line.text);
    if (!checks) continue;
    if (!cells) return checks.map((text) => documented(text, line));
    if (cells.slice(1).some((cell) => /success|succeed|成功/i.test(cell))) {
      return checks.map((text) => documented(text, line));
    }
    firstReadable ??= { checks, line };
  }
  if (firstReadable) return firstReadable.checks.map((text) => documented(text, firstReadable.line));
  const where = lines[0]?.line ?? heading;
  sink.warning(
    where,
    'documented-status-unreadable',
    `${lines[0] ? `The Response code ${quote(lines[0].text)}` : 'This Response code block'} is not a response status, so the documented status is not checked: write a status such as 200, or a range such as 200 ≤ code < 300.`,
  );
  return [];
}
