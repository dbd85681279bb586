import type { RequestView } from '../../shared/protocol';
import { http2RequestHeaders } from '../http/http2Headers';
import type { HttpVersion } from '../http/httpResponse';
import { sentHeaders } from '../http/sentHeaders';
import type { OutgoingRequest } from '../model/outgoing';
import type { Redactor } from '../redaction';
import { formatBytes } from './formatBytes';

const requestBodyInlineBytes = 256 * 1024;

/**
 * The request exactly as sent (every header line on the wire, Authorization as sent; over HTTP/2 the
 * pseudo-headers `:method :path :authority :scheme` first, no connection headers), with secrets masked.
 */
export function buildRequestView(
  request: OutgoingRequest,
  redactor: Redactor,
  httpVersion: HttpVersion = '1.1',
): RequestView {
  let body: string | null = null;
  let bodyNote: string | null = null;
  if (request.body && request.body.length > 0) {
    if (request.body.length > requestBodyInlineBytes) {
      bodyNote = `${formatBytes(request.body.length)} body not shown inline.`;
    } else {
      const text = Buffer.from(request.body).toString('utf8');
      body = redactor.text(text);
      if (text.includes('\uFFFD')) bodyNote = 'Binary body shown as UTF-8.';
    }
  }
  return {
    method: request.method,
    url: redactor.text(request.url),
    headers: redactor.headers(httpVersion === '2' ? http2RequestHeaders(request) : sentHeaders(request)),
    body,
    bodyNote,
  };
}
