import type { BodyView, PanelBodyMode } from '../shared/protocol';
import { h, text, type ViewNode } from './viewNode';

export type BodyMode = PanelBodyMode;

function formatSize(bytes: number): string {
  return bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KiB` : `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
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
      const showPretty = mode === 'pretty' && body.pretty !== null;
      return h(
        'div',
        'text-body',
        body.language === 'html' ? text('p', 'note', 'HTML is shown as source, never rendered.') : null,
        body.truncated
          ? text('p', 'note', 'Only the first part of this body is shown: send the request again to see all of it.')
          : null,
        h(
          'pre',
          `body language-${body.language}`,
          text('code', undefined, showPretty ? (body.pretty ?? '') : body.raw),
        ),
      );
    }
    default: {
      const never: never = body;
      return text('p', undefined, String(never));
    }
  }
}
