import type { Directive } from '../model/document';
import { type BlockKind, blockLabels } from './blockHeadings';
import { type BlockRequest, buildBlockRequest } from './buildBlockRequest';
import { headingParts } from './classifyLine';
import { readDocumentedResponse, responseBlockKindOf } from './documentedResponse';
import type { ParseContext } from './parseContext';
import { parseDirective, parseVariable } from './parseDirectives';
import type { DraftRequest } from './parseLineForm';
import { readBlock } from './readBlock';
import type { Region } from './splitRegions';

/** Index of the next heading line (any heading ends a block), or `end`. */
function nextHeading(context: ParseContext, from: number, end: number): number {
  for (let i = from; i < end; i++) if (context.kinds[i] === 'heading') return i;
  return end;
}

/** A new Address (or a second block of a kind) after a request that has an address starts the next one. */
function startsNewRequest(current: BlockRequest, kind: BlockKind): boolean {
  return current.blocks.address !== undefined && (kind === 'address' || current.blocks[kind] !== undefined);
}

interface BlockState {
  requests: DraftRequest[];
  current: BlockRequest | null;
  pending: Directive[];
}

/** Documentation lines: only directives and file variables in them matter. */
function readDocumentation(context: ParseContext, from: number, end: number, state: BlockState): void {
  for (let i = from; i < end; i++) {
    const kind = context.kinds[i];
    if (kind === 'variable') context.variables.push(parseVariable(context.source.line(i), i));
    if (kind !== 'directive') continue;
    const directive = parseDirective(context.source.line(i), i, context.sink);
    const current = state.current;
    if (current && !(current.blocks.address && current.blocks.method)) current.directives.push(directive);
    else state.pending.push(directive);
  }
}

/**
 * A documented response (`#### Response code`, `#### Response header`) after a request's blocks: its
 * expectations join that request. Returns false when the line is no such heading or no request precedes it.
 */
function readResponseBlock(context: ParseContext, line: number, end: number, state: BlockState): boolean {
  if (context.kinds[line] !== 'heading') return false;
  const kind = responseBlockKindOf(headingParts(context.source.line(line)).text);
  const target = state.current ?? state.requests[state.requests.length - 1];
  if (kind === null || target === undefined) return false;
  const blockEnd = nextHeading(context, line + 1, end);
  const expectations = readDocumentedResponse(context.source, kind, line, blockEnd, context.sink);
  if ('expectations' in target) target.expectations.push(...expectations);
  else target.assertions.push(...expectations);
  return true;
}

function finish(context: ParseContext, region: Region, state: BlockState): void {
  if (!state.current) return;
  const request = buildBlockRequest(state.current, region, context.sink);
  if (request) state.requests.push(request);
  state.current = null;
}

/**
 * Parses a block-form region: request blocks (Address/URL, Method, Request body, Request header, in any
 * order) make requests; everything else is documentation and never makes a request or an error.
 */
export function parseBlockForm(context: ParseContext, region: Region): DraftRequest[] {
  const state: BlockState = { requests: [], current: null, pending: [] };
  let i = region.start;
  while (i < region.end) {
    const blockKind = context.kinds[i] === 'heading' ? context.blockKinds.get(i) : undefined;
    if (blockKind === undefined && readResponseBlock(context, i, region.end, state)) {
      i = nextHeading(context, i + 1, region.end);
      continue;
    }
    if (blockKind === undefined) {
      const end = context.kinds[i] === 'heading' ? i + 1 : nextHeading(context, i, region.end);
      readDocumentation(context, i, end, state);
      i = Math.max(end, i + 1);
      continue;
    }
    const end = nextHeading(context, i + 1, region.end);
    const block = readBlock(context.source, blockKind, i, end, context.sink);
    if (state.current && startsNewRequest(state.current, blockKind)) finish(context, region, state);
    if (!state.current) {
      state.current = { blocks: {}, firstHeading: i, directives: state.pending, expectations: [] };
      state.pending = [];
    }
    if (state.current.blocks[blockKind]) {
      context.sink.warning(
        i,
        'duplicate-block',
        `A second ${blockLabels[blockKind]} block for the same request: this later one is used. Put '#### Address' before it if it starts a new request.`,
      );
    }
    state.current.blocks[blockKind] = block;
    readDocumentation(context, block.proseFrom, end, state);
    i = end;
  }
  finish(context, region, state);
  if (state.pending.length > 0) {
    context.sink.warning(
      state.pending[0].line - 1,
      'directive-without-request',
      "This directive has no request blocks after it in its region, so it applies to nothing: put it above the request's '#### Address' heading.",
    );
  }
  return state.requests;
}
