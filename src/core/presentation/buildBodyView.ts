import type { BodyView } from '../../shared/protocol';
import type { Redactor } from '../redaction';
import { prettyXml } from './prettyXml';

export interface BodyLimits {
  /** Bodies larger than this are not rendered inline; the panel offers to open them in an editor. */
  inlineBytes: number;
  /** Bodies larger than this are shown raw only (no pretty-printing). */
  prettyBytes: number;
  previewChars: number;
}

export const defaultBodyLimits: BodyLimits = {
  inlineBytes: 2 * 1024 * 1024,
  prettyBytes: 1024 * 1024,
  previewChars: 4096,
};

/** Image types shown inline as `data:` URIs; the MIME essence comes from this list, never the raw header. */
const imageTypes: readonly string[] = [
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'image/bmp',
  'image/x-icon',
];

export function mimeEssence(contentType: string | null): string {
  return (contentType ?? '').split(';')[0].trim().toLowerCase();
}

function textLanguage(essence: string): 'json' | 'xml' | 'html' | 'text' | null {
  if (essence === 'application/json' || essence.endsWith('+json') || essence === 'text/json') return 'json';
  if (essence === 'text/html' || essence === 'application/xhtml+xml') return 'html';
  if (essence.endsWith('/xml') || essence.endsWith('+xml')) return 'xml';
  if (
    essence.startsWith('text/') ||
    essence === 'application/javascript' ||
    essence === 'application/x-www-form-urlencoded'
  ) {
    return 'text';
  }
  return null;
}

function looksBinary(body: Uint8Array): boolean {
  const end = Math.min(body.length, 8000);
  for (let i = 0; i < end; i++) if (body[i] === 0) return true;
  return false;
}

function sniffLanguage(text: string): 'json' | 'xml' | 'text' {
  const start = text.trimStart()[0];
  if (start === '{' || start === '[') return 'json';
  if (start === '<') return 'xml';
  return 'text';
}

function prettyJson(text: string): string | null {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return null;
  }
}

/** Decides how a response body is shown: pretty text, raw, an image, or "too large, open in editor". */
export function buildBodyView(
  body: Uint8Array,
  bodyText: string,
  contentType: string | null,
  redactor: Redactor,
  limits: BodyLimits = defaultBodyLimits,
  whole: { size: number; textTruncated: boolean } = { size: body.length, textTruncated: false },
): BodyView {
  if (whole.size === 0) return { kind: 'empty' };
  const essence = mimeEssence(contentType);
  const image = imageTypes.find((type) => type === essence);
  if (image) {
    if (whole.size > limits.inlineBytes || body.length < whole.size) {
      return { kind: 'binary', bytes: whole.size, contentType };
    }
    return { kind: 'image', mime: image, dataUri: `data:${image};base64,${Buffer.from(body).toString('base64')}` };
  }
  const declared = textLanguage(essence);
  if (declared === null && (essence !== '' || looksBinary(body)) && looksBinary(body)) {
    return { kind: 'binary', bytes: whole.size, contentType };
  }
  if (whole.size > limits.inlineBytes || whole.textTruncated) {
    // Masked before it is cut, so a secret across the cut leaves no prefix.
    const preview = redactor.text(bodyText).slice(0, limits.previewChars);
    return { kind: 'tooLarge', bytes: whole.size, contentType, preview };
  }
  const raw = redactor.text(bodyText);
  const language = declared ?? sniffLanguage(raw);
  let pretty: string | null = null;
  if (whole.size <= limits.prettyBytes) {
    if (language === 'json') pretty = prettyJson(raw);
    else if (language === 'xml') pretty = prettyXml(raw);
  }
  return { kind: 'text', language, pretty, raw, truncated: false };
}
