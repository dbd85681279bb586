import type { FileVariable, ParsedDocument, ParsedRequest } from '../model/document';

/**
 * A run of lines checked on its own: from a request's region start (its separator line) to the line
 * before the next region that holds a request, with the requests and file variables on those lines.
 * Lines are 1-based and inclusive; the chunks of a file cover all of its lines, in order.
 */
export interface RequestChunk {
  from: number;
  to: number;
  requests: ParsedRequest[];
  variables: FileVariable[];
}

/** Cuts a parsed file of `lineCount` lines into chunks (one per region with requests, the lines before the first). */
export function requestChunks(document: ParsedDocument, lineCount: number): RequestChunk[] {
  const chunks: RequestChunk[] = [];
  let current: RequestChunk = { from: 1, to: lineCount, requests: [], variables: [] };
  for (const request of document.requests) {
    if (request.regionStartLine > current.from) {
      current.to = request.regionStartLine - 1;
      chunks.push(current);
      current = { from: request.regionStartLine, to: lineCount, requests: [], variables: [] };
    }
    current.requests.push(request);
  }
  chunks.push(current);
  let c = 0;
  for (const variable of document.variables) {
    while (c < chunks.length - 1 && variable.line > chunks[c].to) c++;
    chunks[c].variables.push(variable);
  }
  return chunks;
}
