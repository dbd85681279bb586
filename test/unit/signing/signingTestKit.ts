import type { Directive, ParsedRequest } from '../../../src/core/model/document';
import type { HeaderField, OutgoingRequest } from '../../../src/core/model/outgoing';
import { directiveKeyOf } from '../../../src/core/parser/parseDirectives';
import type { Clock } from '../../../src/core/ports';
import type { PreparedRequest } from '../../../src/core/variables/preparedRequest';

/** Test helpers: build prepared/outgoing requests directly (no parser), fixed clocks. */

export function fixedClock(iso: string): Clock {
  const date = new Date(iso);
  return { now: () => date };
}

export function outgoing(
  method: string,
  url: string,
  headers: [string, string][],
  body: string | null = null,
): OutgoingRequest {
  return {
    method,
    url,
    headers: headers.map(([name, value]): HeaderField => ({ name, value })),
    body: body === null ? null : new Uint8Array(Buffer.from(body, 'utf8')),
  };
}

export function prepared(
  request: OutgoingRequest,
  directives: [string, string][] = [],
  defaultSigning: string | null = null,
): PreparedRequest {
  const source: ParsedRequest = {
    index: 0,
    name: null,
    title: null,
    line: 10,
    endLine: 20,
    regionStartLine: 1,
    method: request.method,
    url: request.url,
    urlLine: 10,
    headers: request.headers.map((header, position) => ({
      name: header.name,
      value: header.value,
      line: 11 + position,
    })),
    body: request.body === null ? null : Buffer.from(request.body).toString('utf8'),
    bodyRange: null,
    form: 'line',
    directives: directives.map(([name, value], position): Directive => ({
      name,
      key: directiveKeyOf(name),
      value,
      line: 2 + position,
    })),
    assertions: [],
  };
  return { source, outgoing: request, directives: source.directives, defaultSigning, assertions: [] };
}

export function names(headers: readonly HeaderField[]): string[] {
  return headers.map((header) => header.name);
}

export function header(headers: readonly HeaderField[], name: string): string | undefined {
  return headers.find((field) => field.name.toLowerCase() === name.toLowerCase())?.value;
}
