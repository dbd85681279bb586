import { type Directive, directiveOf, type ParsedDocument, type ParsedRequest } from '../model/document';
import { classifyLines } from './classifyLines';
import { DiagnosticSink } from './diagnosticSink';
import { parseBlockForm } from './parseBlockForm';
import type { ParseContext } from './parseContext';
import { warnRepeatedDirectives } from './parseDirectives';
import { type DraftRequest, parseLineForm } from './parseLineForm';
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

/**
 * Parses a `.gwhttp` file: its requests (request-line form and block form), file variables and
 * diagnostics. Total: it never throws; a problem in one request never spoils the others.
 */
export function parseDocument(text: string): ParsedDocument {
  const sink = new DiagnosticSink();
  const requests: GwParsedRequest[] = [];
  const variables: ParsedDocument['variables'] = [];
  const fileDirectives: Directive[] = [];
  try {
    const source = scanLines(typeof text === 'string' ? text : '');
    const classified = classifyLines(source, sink);
    const context: ParseContext = {
      source,
      kinds: classified.kinds,
      blockKinds: classified.blockKinds,
      sink,
      variables,
      fileDirectives,
    };
    for (const region of splitRegions(classified)) parseRegion(context, region, requests);
    warnDuplicateNames(requests, sink);
  } catch (error) {
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
