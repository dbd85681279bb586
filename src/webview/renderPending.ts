import type { HostMessage } from '../shared/protocol';
import { h, text, type ViewNode } from './viewNode';

type Pending = Extract<HostMessage, { type: 'showPending' }>;

/** `0.4 s`, `12.0 s`, `2 min 5 s`: how long a request has been on the wire. */
export function elapsedText(ms: number): string {
  const seconds = Math.max(0, ms) / 1000;
  if (seconds < 60) return `${seconds.toFixed(1)} s`;
  return `${Math.floor(seconds / 60)} min ${Math.floor(seconds % 60)} s`;
}

/**
 * The in-flight state: what is on the wire (title, request line, where it comes from), the time since it
 * left (main.ts updates `.elapsed` while it shows) and Cancel. It replaces the previous response.
 */
export function renderPending(message: Pending): ViewNode {
  const cancel: ViewNode = {
    tag: 'button',
    className: 'action cancel',
    attributes: { 'data-action': 'cancel', title: 'Cancel Request' },
    text: 'Cancel',
  };
  return h(
    'div',
    'pending',
    h(
      'header',
      'summary',
      h(
        'div',
        'status-line',
        text('span', 'status-code status-pending', 'Sending…'),
        text('span', 'elapsed', elapsedText(0)),
        text('span', 'title', message.title),
      ),
      h('div', 'meta', text('span', 'source', message.source), h('div', 'actions toolbar', cancel)),
    ),
    h('pre', 'request-line', text('code', undefined, `${message.method} ${message.url}`)),
    {
      tag: 'div',
      className: 'progress',
      attributes: { role: 'progressbar', 'aria-label': 'Waiting for the response' },
    },
  );
}
