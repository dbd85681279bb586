import { type Directive, directiveOf, type ParsedDocument, type ParsedRequest } from '../model/document';
import { classifyLines } from './classifyLines';
import { DiagnosticSink } from './diagnosticSink';
import { parseBlockForm } from './parseBlockForm';
import type { ParseContext } from './parseContext';
import { warnRepeatedDirectives } from './parseDirectives';
import { type DraftRequest, parseLineForm } from './parseLineForm';
import type { RegionParse, RegionParseMemo } from './regionParseMemo';
import { scanLines } from './scanLines';
import { type Region, splitRegions } from './splitRegions';

/** A parsed request with the extra fields the parser knows (the HTTP version written, if any). */
export type GwParsedRequest = ParsedRequest & { httpVersion: string | null };

/** Parses one region and appends its requests (numbered) to `requests`. */
function parseRegion(context: ParseContext, region: Region, requests: DraftRequest[]): void {
  try {
    if (region.isBlockForm) {
      for (const request of parseBlockForm(context, region)) add(request, requests, context.sink);
    } else {
      const request = parseLineForm(context, region);
      if (request) add(request, requests, context.sink);
    }
  } catch (error) {
    // Never expected: a bug must not take the other requests down with it.
    context.sink.error(
      region.start,
      'parser-bug',
      `gwhttp could not parse lines ${region.start + 1}–${region.end} (${error instanceof Error ? error.message : String(error)}); the rest of the file is unaffected. Please report this with the file.`,
    );
  }
}

function add(request: DraftRequest, requests: DraftRequest[], sink: DiagnosticSink): void {
  warnRepeatedDirectives(request.directives, sink);
  request.index = requests.length;
  requests.push(request);
}

function warnDuplicateNames(requests: ParsedRequest[], sink: DiagnosticSink): void {
  const seen = new Map<string, number>();
  for (const request of requests) {
    if (request.name === null) continue;
    const first = seen.get(request.name);
    if (first === undefined) {
      seen.set(request.name, request.line);
      continue;
    }
    const directive = directiveOf(request, 'name');
    sink.warning(
      (directive?.line ?? request.line) - 1,
      'duplicate-name',
      `The request name '${request.name}' is already used by the request on line ${first}: give this request another '# @name' (references use the first one).`,
    );
  }
}

/** Parses one region on its own (its own sink and variables), for the memo. */
function parseRegionAlone(context: ParseContext, region: Region): RegionParse {
  const own: ParseContext = { ...context, sink: new DiagnosticSink(), variables: [] };
  const requests: GwParsedRequest[] = [];
  parseRegion(own, region, requests);
  return { requests, variables: own.variables, diagnostics: own.sink.items };
}

/** Parses every region, through the memo when one is given (its round is begun and finished here). */
function parseRegions(
  context: ParseContext,
  regions: readonly Region[],
  requests: GwParsedRequest[],
  memo: RegionParseMemo | undefined,
): void {
  if (memo === undefined) {
    for (const region of regions) parseRegion(context, region, requests);
    return;
  }
  for (const region of regions) {
    const parsed = memo.regionParse(context.source, region, requests.length, () => parseRegionAlone(context, region));
    for (const request of parsed.requests) requests.push(request);
    for (const variable of parsed.variables) context.variables.push(variable);
    for (const diagnostic of parsed.diagnostics) context.sink.items.push(diagnostic);
  }
}

/**
 * Parses a `.gwhttp` file: its requests (request-line form and block form), file variables and
 * diagnostics. Total: it never throws; a problem in one request never spoils the others. Given the
 * `memo` of the same document's previous parse, regions an edit left alone are taken from it (moved to
 * their new lines) instead of parsed again; the result is the same as without it.
 */
export function parseDocument(text: string, memo?: RegionParseMemo): ParsedDocument {
  const sink = new DiagnosticSink();
  const requests: GwParsedRequest[] = [];
  const variables: ParsedDocument['variables'] = [];
  const fileDirectives: Directive[] = [];
  try {
    const given = typeof text === 'string' ? text : '';
    const source = memo ? memo.scan(given) : scanLines(given);
    const classified = classifyLines(source, sink, memo?.rawKinds(source));
    const context: ParseContext = {
      source,
      kinds: classified.kinds,
      blockKinds: classified.blockKinds,
      sink,
      variables,
      fileDirectives,
    };
    memo?.beginParse(source, classified.hasBlockHeading ? 'block headings' : '');
    parseRegions(context, splitRegions(classified), requests, memo);
    memo?.finish();
    warnDuplicateNames(requests, sink);
  } catch (error) {
    memo?.clear();
    sink.error(
      0,
      'parser-bug',
      `gwhttp could not parse this file (${error instanceof Error ? error.message : String(error)}). Please report this with the file.`,
    );
  }
  const diagnostics = sink.items.sort((a, b) => a.line - b.line);
  return fileDirectives.length > 0
    ? { requests, variables, diagnostics, fileDirectives }
    : { requests, variables, diagnostics };
}
