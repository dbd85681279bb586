import type { AssertionLine, Directive, HeaderLine } from '../model/document';
import { type BlockKind, blockLabels } from './blockHeadings';
import { checkTemplates } from './checkTemplates';
import { DiagnosticSink, quote } from './diagnosticSink';
import { commonMethodsText, isKnownMethod } from './methods';
import { joinBody } from './parseBody';
import { type DraftRequest, requestName } from './parseLineForm';
import type { Block } from './readBlock';
import type { Region } from './splitRegions';

/** The blocks gathered for one block-form request. */
export interface BlockRequest {
  blocks: Partial<Record<BlockKind, Block>>;
  /** 0-based index of the request's first block heading. */
  firstHeading: number;
  directives: Directive[];
  /** What the documentation's Response code / Response header blocks say the answer is. */
  expectations: AssertionLine[];
}

function methodOf(request: BlockRequest, sink: DiagnosticSink): string {
  const block = request.blocks.method;
  const value = block?.values[0];
  if (!block || !value) {
    if (!block && request.blocks.body?.values.length) {
      sink.warning(
        request.firstHeading,
        'missing-method',
        "This request has a body but no Method block, so it is sent as GET: add '#### Method' with e.g. POST.",
      );
    }
    return 'GET';
  }
  const word = value.text.trim().split(/\s/)[0];
  if (!isKnownMethod(word)) {
    sink.warning(
      value.line,
      'unknown-method',
      `Unknown HTTP method ${quote(word)}: it is sent as written. Check the spelling; the usual methods are ${commonMethodsText}.`,
    );
  }
  return word.toUpperCase();
}

function lastLineOf(request: BlockRequest): number {
  let last = request.firstHeading;
  for (const block of Object.values(request.blocks)) if (block && block.lastLine > last) last = block.lastLine;
  return last;
}

/** Turns gathered blocks into a request, or reports why they cannot be one (and returns null). */
export function buildBlockRequest(request: BlockRequest, region: Region, sink: DiagnosticSink): DraftRequest | null {
  const address = request.blocks.address;
  if (!address) {
    const kinds = Object.keys(request.blocks)
      .map((k) => blockLabels[k as BlockKind])
      .join(', ');
    sink.error(
      request.firstHeading,
      'missing-address',
      `These request blocks (${kinds}) have no Address or URL block, so they make no request: add '#### Address' with the request URL.`,
    );
    return null;
  }
  const url = address.values[0];
  if (!url) return null;
  checkTemplates(url.text, url.line, 'the URL', 'error', sink);
  const headers: HeaderLine[] = request.blocks.headers?.headers ?? [];
  const bodyLines = request.blocks.body?.values ?? [];
  for (const line of bodyLines) checkTemplates(line.text, line.line, 'the body', 'warning', sink);
  return {
    index: -1,
    name: requestName(request.directives),
    title: region.title,
    line: request.firstHeading + 1,
    endLine: lastLineOf(request) + 1,
    regionStartLine: region.separator + 1 || 1,
    method: methodOf(request, sink),
    url: url.text,
    urlLine: url.line + 1,
    headers,
    body:
      bodyLines.length > 0
        ? joinBody(
            bodyLines.map((l) => l.text),
            headers,
          )
        : null,
    bodyRange:
      bodyLines.length > 0
        ? { startLine: bodyLines[0].line + 1, endLine: bodyLines[bodyLines.length - 1].line + 1 }
        : null,
    form: 'block',
    assertions: request.expectations,
    directives: request.directives,
    httpVersion: null,
  };
}
