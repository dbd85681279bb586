import type { FailureMessage } from '../shared/protocol';
import { h, text, type ViewNode } from './viewNode';

/**
 * A send that brought no response, in full (the notification only says it in a line): what happened,
 * what failed and where, what helps, and its buttons (Store Secret Key…, Select Environment…).
 */
export function renderFailure(message: FailureMessage): ViewNode {
  const buttons = (message.actions ?? []).map((label, index): ViewNode => ({
    tag: 'button',
    className: index === 0 ? 'action primary' : 'action',
    attributes: { 'data-failure': String(index) },
    text: label,
  }));
  return h(
    'div',
    'failure',
    h(
      'header',
      'summary',
      h(
        'div',
        'status-line',
        text('span', 'status-code status-failure', message.heading ?? 'Not sent'),
        text('span', 'title', message.title),
      ),
      h('div', 'meta', text('span', 'source', message.source)),
    ),
    text('p', 'failure-message', message.message),
    message.hint ? text('p', 'hint', message.hint) : null,
    buttons.length > 0 ? h('div', 'actions failure-actions', ...buttons) : null,
  );
}
