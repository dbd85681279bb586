import type { RequestView } from '../../shared/protocol';
import { sentHeaders } from '../http/sentHeaders';
import type { OutgoingRequest } from '../model/outgoing';
import type { Redactor } from '../redaction';
import { formatBytes } from './formatBytes';

const requestBodyInlineBytes = 256 * 1024;

/** The request exactly as sent (every header line on the wire, Authorization as sent), with secrets masked. */
export function buildRequestView(request: OutgoingRequest, redactor: Redactor): RequestView {
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
    headers: redactor.headers(sentHeaders(request)),
    body,
    bodyNote,
  };
}
