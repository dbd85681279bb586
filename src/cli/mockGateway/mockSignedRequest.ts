import type { MockRequest } from './mockRequest';

/** Helpers the standard-scheme verifiers share: header values, the target's parts, Base64. */

export function values(request: MockRequest, name: string): string[] {
  return request.headers.get(name) ?? [];
}

export function first(request: MockRequest, name: string): string {
  return values(request, name)[0] ?? '';
}

/** Path and query (without `?`) of the raw request-target. */
export function targetParts(request: MockRequest): { path: string; query: string } {
  const queryAt = request.target.indexOf('?');
  return queryAt < 0
    ? { path: request.target, query: '' }
    : { path: request.target.slice(0, queryAt), query: request.target.slice(queryAt + 1) };
}

/** The mock listens on plain HTTP on 127.0.0.1: the scheme and authority the client used. */
export function authority(request: MockRequest): string {
  return first(request, 'host').toLowerCase();
}

export function base64(bytes: Buffer): string {
  return bytes.toString('base64');
}
