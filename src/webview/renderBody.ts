import type { BodyView, PanelBodyMode } from '../shared/protocol';
import { bodyChunk, type BodyHighlight, startCursor } from './body/bodyLines';
import { h, text, type ViewNode } from './viewNode';

export type BodyMode = PanelBodyMode;

function formatSize(bytes: number): string {
  return bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KiB` : `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
}

/** How many lines of a body the renderer itself gives; the rest is mounted in slices (body/streamLines). */
export const firstBodyLines = 400;

/**
 * A text body as lines: the pretty form of JSON and XML coloured, with fold toggles; the first
 * `firstBodyLines` here, the rest left as a stream for the panel to mount without blocking.
 */
function textLines(source: string, className: string, highlight: BodyHighlight, folding: boolean): ViewNode {
  const first = bodyChunk(source, highlight, startCursor, firstBodyLines, folding);
  const pre = h('pre', first.cursor ? className : `${className} complete`, ...first.nodes);
  if (first.cursor) pre.stream = { text: source, highlight, folding, cursor: first.cursor };
  return pre;
}

/** Pretty / Raw, shown in the tab bar when the body has a pretty form. */
export function modeSwitch(mode: BodyMode): ViewNode {
  const button = (value: BodyMode, label: string): ViewNode => ({
    tag: 'button',
    className: value === mode ? 'mode selected' : 'mode',
    attributes: { 'data-mode': value, 'aria-selected': String(value === mode) },
    text: label,
  });
  return h('div', 'mode-switch', button('pretty', 'Pretty'), button('raw', 'Raw'));
}

/** The Body tab: pretty or raw text (HTML as source), a whitelisted image, or an offer to open large bodies. */
export function renderBody(body: BodyView, mode: BodyMode): ViewNode {
  switch (body.kind) {
    case 'empty':
      return text('p', 'empty', 'No body.');
    case 'image':
      return h('div', 'image-body', {
        tag: 'img',
        className: 'response-image',
        imageDataUri: body.dataUri,
        attributes: { alt: body.mime },
      });
    case 'binary':
      return h(
        'div',
        'large-body',
        text('p', undefined, `Binary body (${formatSize(body.bytes)}, ${body.contentType ?? 'no Content-Type'}).`),
        { tag: 'button', attributes: { 'data-action': 'saveBody' }, text: 'Save Body…' },
      );
    case 'tooLarge':
      return h(
        'div',
        'large-body',
        text(
          'p',
          undefined,
          `The body is ${formatSize(body.bytes)}: too large to show here without slowing the editor.`,
        ),
        { tag: 'button', attributes: { 'data-action': 'openBody' }, text: 'Open in Editor' },
        text('p', 'note', 'First characters:'),
        h('pre', 'body preview', text('code', undefined, body.preview)),
      );
    case 'text': {
      const pretty = mode === 'pretty' ? body.pretty : null;
      const highlight = pretty !== null && (body.language === 'json' || body.language === 'xml') ? body.language : null;
      return h(
        'div',
        'text-body',
        body.language === 'html' ? text('p', 'note', 'HTML is shown as source, never rendered.') : null,
        body.truncated
          ? text('p', 'note', 'Only the first part of this body is shown: send the request again to see all of it.')
          : null,
        textLines(pretty ?? body.raw, `body code language-${body.language}`, highlight, pretty !== null),
      );
    }
    default: {
      const never: never = body;
      return text('p', undefined, String(never));
    }
  }
}
