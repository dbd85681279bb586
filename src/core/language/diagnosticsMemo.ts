import type { Diagnostic } from '../model/diagnostic';
import type { ParsedDocument } from '../model/document';
import type { RegionParseMemo } from '../parser/regionParseMemo';
import { scanLines } from '../parser/scanLines';
import type { SourceText } from '../parser/sourceText';
import { signingFindings } from '../signing/checkSigning';
import { findLiteralSecrets } from '../signing/findLiteralSecrets';
import { isShiftedCopy } from '../text/isShiftedCopy';
import { shiftAll, shiftDiagnostic, shiftLine } from '../text/shiftLines';
import { SpanMemo } from '../text/spanMemo';
import { type UnchangedEnds, unchangedEnds } from '../text/unchangedEnds';
import {
  candidateLines,
  fileFindings,
  type ReferenceContext,
  referenceContext,
  referenceFindings,
  type WaitingReference,
} from '../variables/checkVariables';
import type { VariableScope } from '../variables/variableScope';
import { type RequestChunk, requestChunks } from './requestChunks';

/** The findings of one chunk, with the chunk's requests and variables they were found for. */
interface ChunkFindings {
  chunk: Pick<RequestChunk, 'requests' | 'variables'>;
  diagnostics: Diagnostic[];
  waiting: WaitingReference[];
}

/** Lines literal secrets look around a line for a key id (findLiteralSecrets): a chunk is checked with them. */
const secretContext = 2;

/**
 * The signing and variable findings of a document's chunks, remembered by each chunk's text (with the
 * lines around it the secret checks read): a chunk an edit left alone, whose requests parse the same,
 * keeps its findings moved to its new lines. Held per open document by the editor.
 */
export class DiagnosticsMemo {
  /** `parse`: the same document's region parse memo, whose line scan and unchanged ends the checks share. */
  constructor(readonly parse?: RegionParseMemo) {}

  readonly signing = new SpanMemo<ChunkFindings>();
  readonly references = new SpanMemo<ChunkFindings>();

  clear(): void {
    this.signing.clear();
    this.references.clear();
  }
}

/** The document's lines as documentDiagnostics reads them (`text.split`: line 1 keeps a byte order mark). */
class Lines {
  constructor(readonly source: SourceText) {}

  start(line: number): number {
    return line === 1 ? 0 : this.source.starts[line - 1];
  }

  text(line: number): string {
    if (line < 1 || line > this.source.count) return '';
    return this.source.text.slice(this.start(line), this.source.ends[line - 1]);
  }
}

type Scope = Set<string> | Pick<VariableScope, 'knownNames' | 'unselected'> | null;

/** `compute`'s findings for the chunk's lines `from`–`to` (its span), from the memo when still valid. */
function chunkFindings(
  memo: SpanMemo<ChunkFindings>,
  lines: Lines,
  chunk: RequestChunk,
  span: { from: number; to: number },
  compute: () => Omit<ChunkFindings, 'chunk'>,
): ChunkFindings {
  const from = lines.start(span.from);
  const to = lines.source.ends[span.to - 1];
  const hit = memo.find(from, to, span.from);
  let found: ChunkFindings;
  if (hit && isShiftedCopy(hit.value.chunk, chunk, hit.lineDelta)) {
    const delta = hit.lineDelta;
    found = {
      chunk,
      diagnostics: shiftAll(hit.value.diagnostics, delta, shiftDiagnostic),
      waiting: shiftAll(hit.value.waiting, delta, (w, d) => ({ ...w, reference: shiftLine(w.reference, d) })),
    };
  } else found = { chunk, ...compute() };
  memo.remember(from, to, span.from, found);
  return found;
}

function signingOf(lines: Lines, chunk: RequestChunk): Omit<ChunkFindings, 'chunk'> {
  const numbered = [];
  const last = Math.min(lines.source.count, chunk.to + secretContext);
  for (let line = Math.max(1, chunk.from - secretContext); line <= last; line++) {
    numbered.push({ line, text: lines.text(line) });
  }
  const secrets = findLiteralSecrets(numbered).filter((d) => d.line >= chunk.from && d.line <= chunk.to);
  return { diagnostics: signingFindings(chunk.requests, secrets), waiting: [] };
}

function referencesOf(lines: Lines, chunk: RequestChunk, context: ReferenceContext): Omit<ChunkFindings, 'chunk'> {
  return referenceFindings(
    candidateLines(chunk, (line) => lines.text(line)),
    context,
  );
}

/** What the variable findings of a chunk depend on besides its lines: the names defined and the request names. */
function referenceContextKey(document: ParsedDocument, knownNames: Set<string>, scope: Scope): string {
  const unselected = scope instanceof Set || scope === null ? null : scope.unselected;
  return JSON.stringify({
    known: [...knownNames].sort(),
    unselected: unselected && { ...unselected, definedIn: [...unselected.definedIn].sort() },
    variables: document.variables.map((variable) => variable.name),
    requests: document.requests.map((request) => request.name),
  });
}

/** The unchanged ends between the checks' previous text and `text`: the parse's when it compared the same two. */
function sharedEnds(memo: DiagnosticsMemo, text: string): UnchangedEnds | undefined {
  const previous = memo.signing.previousText;
  if (previous === null || previous !== memo.references.previousText) return undefined;
  const parsed = memo.parse?.lastRound;
  if (parsed?.ends && parsed.text === text && parsed.before === previous) return parsed.ends;
  return unchangedEnds(previous, text);
}

/**
 * documentDiagnostics through a memo: the same diagnostics in the same order, with the signing and
 * variable checks run again only for the chunks an edit touched.
 */
export function memoizedDiagnostics(
  document: ParsedDocument,
  text: string,
  scope: Scope,
  memo: DiagnosticsMemo,
): Diagnostic[] {
  const lines = new Lines(memo.parse?.linesOf(text) ?? scanLines(text));
  const chunks = requestChunks(document, lines.source.count);
  const ends = sharedEnds(memo, text);
  const diagnostics = [...document.diagnostics];
  memo.signing.begin(text, '', ends);
  for (const chunk of chunks) {
    const span = {
      from: Math.max(1, chunk.from - secretContext),
      to: Math.min(lines.source.count, chunk.to + secretContext),
    };
    diagnostics.push(...chunkFindings(memo.signing, lines, chunk, span, () => signingOf(lines, chunk)).diagnostics);
  }
  memo.signing.finish();
  if (scope === null) return diagnostics;
  const knownNames = scope instanceof Set ? scope : scope.knownNames;
  const unselected = scope instanceof Set ? null : scope.unselected;
  const context = referenceContext(document, knownNames, unselected);
  const waiting: WaitingReference[] = [];
  memo.references.begin(text, referenceContextKey(document, knownNames, scope), ends);
  for (const chunk of chunks) {
    const found = chunkFindings(memo.references, lines, chunk, chunk, () => referencesOf(lines, chunk, context));
    diagnostics.push(...found.diagnostics);
    waiting.push(...found.waiting);
  }
  memo.references.finish();
  diagnostics.push(...fileFindings(document, waiting, unselected));
  return diagnostics;
}
