import type { RequestView } from '../../shared/protocol';
import { sentHeaders } from '../http/sentHeaders';
import type { OutgoingRequest } from '../model/outgoing';
import { formatBytes } from './formatBytes';
import { redactHeaders, redactSecrets } from './redactSecrets';

const requestBodyInlineBytes = 256 * 1024;

/** The request exactly as sent (every header line on the wire, Authorization as sent), with secrets masked. */
export function buildRequestView(request: OutgoingRequest, secrets: readonly string[]): RequestView {
  let body: string | null = null;
  let bodyNote: string | null = null;
  if (request.body && request.body.length > 0) {
    if (request.body.length > requestBodyInlineBytes) {
      bodyNote = `${formatBytes(request.body.length)} body not shown inline.`;
    } else {
      const text = Buffer.from(request.body).toString('utf8');
      body = redactSecrets(text, secrets);
      if (text.includes('\uFFFD')) bodyNote = 'Binary body shown as UTF-8.';
    }
  }
  return {
    method: request.method,
    url: redactSecrets(request.url, secrets),
    headers: redactHeaders(sentHeaders(request), secrets),
    body,
    bodyNote,
  };
}
