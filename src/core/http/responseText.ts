import { decodeText } from './decodeText';
import type { HttpResponse } from './httpResponse';

/**
 * The body as text for what reads it in full (assertions, request chaining): `bodyText` when it is
 * already the whole body, else the bytes kept in memory decoded again (the whole body, or its first
 * bytes when it was spilled to a file).
 */
export function responseText(
  response: Pick<HttpResponse, 'body' | 'bodyText' | 'bodyTruncated' | 'contentType'>,
): string {
  return response.bodyTruncated ? decodeText(response.body, response.contentType, false).text : response.bodyText;
}
