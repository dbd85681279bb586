import { formatBytes, type HttpResponse, type Redactor } from '../../core';

const binaryType = /^(image|audio|video|font)\/|^application\/(octet-stream|zip|gzip|pdf|x-protobuf|protobuf)/i;

/** JSON pretty-printed, binary bodies described, long text cut at `limit` characters with a note; secrets masked before the cut. */
export function formatBody(response: HttpResponse, limit: number, redactor: Redactor): string {
  if (response.size === 0) return '';
  if (binaryType.test(response.contentType ?? '') || response.bodyText.includes('\u0000')) {
    return `(binary body, ${formatBytes(response.size)}${response.contentType ? `, ${redactor.text(response.contentType)}` : ''}; not shown)`;
  }
  let text = response.bodyText;
  if (!response.bodyTruncated && (/json/i.test(response.contentType ?? '') || /^\s*[{[]/.test(text))) {
    try {
      text = JSON.stringify(JSON.parse(text), null, 2);
    } catch {
      // Not JSON after all: shown as received.
    }
  }
  text = redactor.text(text);
  const cut = text.length > limit;
  if (!cut && !response.bodyTruncated) return text;
  const shown = cut ? text.slice(0, limit) : text;
  return `${shown}\n… body truncated: showing ${formatBytes(Buffer.byteLength(shown))} of ${formatBytes(response.size)} (use --json for more, up to the display limit)`;
}
