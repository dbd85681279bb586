import type { SourceLocation } from '../errors';
import type { HeaderField, OutgoingRequest } from '../model/outgoing';
import { graphqlPayload } from './graphqlPayload';

const markerHeader = 'x-request-type';
const operationStart = /^(?:\s*#[^\n]*\n)*\s*(?:query|mutation|subscription)\b\s*(?:[_A-Za-z][_0-9A-Za-z]*\s*)?[({@]/;

/**
 * The request as it goes on the wire when it is a GraphQL request, else unchanged: the body becomes
 * the JSON `{query, operationName, variables}` and `Content-Type: application/json` is set unless one is
 * written. A GraphQL request is one with `X-Request-Type: GraphQL` (REST Client; the header is not sent),
 * with the `GRAPHQL` method (JetBrains, httpYac; sent as POST), or a POST whose body starts with a
 * `query`/`mutation`/`subscription` operation (after `#` comment lines) and has no Content-Type other than JSON (httpYac).
 */
export function graphqlRequest(outgoing: OutgoingRequest, location: SourceLocation | null): OutgoingRequest {
  if (outgoing.body === null || !isGraphql(outgoing)) return outgoing;
  const payload = graphqlPayload(Buffer.from(outgoing.body).toString('utf8'), location);
  const headers = outgoing.headers.filter((header) => !isMarker(header));
  if (!headers.some((header) => header.name.toLowerCase() === 'content-type')) {
    headers.push({ name: 'Content-Type', value: 'application/json' });
  }
  return {
    method: outgoing.method.toUpperCase() === 'GRAPHQL' ? 'POST' : outgoing.method,
    url: outgoing.url,
    headers,
    body: new Uint8Array(Buffer.from(JSON.stringify(payload), 'utf8')),
  };
}

function isGraphql(outgoing: OutgoingRequest): boolean {
  if (outgoing.method.toUpperCase() === 'GRAPHQL' || outgoing.headers.some(isMarker)) return true;
  if (outgoing.method.toUpperCase() !== 'POST' || !startsWithOperation(outgoing.body)) return false;
  const type = outgoing.headers.find((header) => header.name.toLowerCase() === 'content-type');
  return type === undefined || /^\s*application\/json\s*(;|$)/i.test(type.value);
}

function isMarker(header: HeaderField): boolean {
  return header.name.toLowerCase() === markerHeader && header.value.trim().toLowerCase() === 'graphql';
}

function startsWithOperation(body: Uint8Array | null): boolean {
  if (body === null) return false;
  return operationStart.test(Buffer.from(body.subarray(0, 256)).toString('utf8'));
}
