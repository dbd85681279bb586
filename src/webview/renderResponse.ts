import type {
  EarlierExchangeView,
  HostMessage,
  NameValue,
  PanelTab,
  ResponseViewModel,
  SignatureView,
} from '../shared/protocol';
import { renderAssertions } from './renderAssertions';
import { type BodyMode, renderBody } from './renderBody';
import { renderExplanation, renderThrottle } from './renderThrottle';
import { h, text, type ViewNode } from './viewNode';

export type TabId = PanelTab;

export interface PanelUiState {
  tab: TabId;
  bodyMode: BodyMode;
}

export const defaultUiState: PanelUiState = { tab: 'body', bodyMode: 'pretty' };

function headerTable(headers: NameValue[]): ViewNode {
  if (headers.length === 0) return text('p', 'empty', 'No headers.');
  return h(
    'table',
    'headers',
    h(
      'tbody',
      undefined,
      ...headers.map((header) =>
        h('tr', undefined, text('th', undefined, header.name), text('td', undefined, header.value)),
      ),
    ),
  );
}

function renderEarlier(exchange: EarlierExchangeView, index: number): ViewNode {
  return h(
    'div',
    'request-earlier',
    text('p', 'note', `Send ${index + 1}: answered ${exchange.status}, then sent again`),
    h('pre', 'request-line', text('code', undefined, `${exchange.method} ${exchange.url}`)),
    headerTable(exchange.headers),
    headerTable(exchange.responseHeaders),
  );
}

function renderRequest(model: ResponseViewModel): ViewNode {
  const request = model.request;
  const earlier = request.earlier ?? [];
  return h(
    'div',
    'request',
    ...earlier.map(renderEarlier),
    earlier.length > 0 ? text('p', 'note', `Send ${earlier.length + 1}: the request as answered`) : null,
    h('pre', 'request-line', text('code', undefined, `${request.method} ${request.url}`)),
    headerTable(request.headers),
    request.bodyNote ? text('p', 'note', request.bodyNote) : null,
    request.body === null ? null : h('pre', 'body', text('code', undefined, request.body)),
  );
}

function renderSignature(signature: SignatureView | null): ViewNode {
  if (!signature) return text('p', 'empty', 'This request was not signed.');
  return h(
    'div',
    'signature',
    h(
      'dl',
      'kv-list',
      h(
        'div',
        'kv',
        text('dt', undefined, 'Scheme'),
        text('dd', undefined, `${signature.scheme} (${signature.algorithm})`),
      ),
      h('div', 'kv', text('dt', undefined, 'Key id'), text('dd', undefined, signature.keyId)),
      h('div', 'kv', text('dt', undefined, 'Signed headers'), text('dd', undefined, signature.signedHeaders.join(' '))),
    ),
    text('h3', undefined, 'Signing string'),
    h('pre', 'signing-string', text('code', undefined, signature.signingString)),
    text('h3', undefined, 'Authorization sent'),
    h('pre', 'authorization', text('code', undefined, signature.authorization)),
  );
}

function renderTabs(model: ResponseViewModel, ui: PanelUiState): ViewNode {
  const tabs: { id: TabId; label: string }[] = [
    { id: 'body', label: 'Body' },
    { id: 'headers', label: `Headers (${model.headers.length})` },
    { id: 'request', label: 'Request' },
    { id: 'signature', label: 'Signature' },
  ];
  const content =
    ui.tab === 'headers'
      ? headerTable(model.headers)
      : ui.tab === 'request'
        ? renderRequest(model)
        : ui.tab === 'signature'
          ? renderSignature(model.signature)
          : renderBody(model.body, ui.bodyMode);
  return h(
    'section',
    'tabs',
    h(
      'div',
      'tab-list',
      ...tabs.map((tab): ViewNode => ({
        tag: 'button',
        className: tab.id === ui.tab ? 'tab selected' : 'tab',
        attributes: { role: 'tab', 'data-tab': tab.id, 'aria-selected': String(tab.id === ui.tab) },
        text: tab.label,
      })),
    ),
    h('div', `tab-panel tab-${ui.tab}`, content),
  );
}

function renderActions(): ViewNode {
  const button = (action: string, label: string): ViewNode => ({
    tag: 'button',
    className: 'action',
    attributes: { 'data-action': action },
    text: label,
  });
  return h(
    'div',
    'actions',
    button('copyBody', 'Copy Body'),
    button('saveBody', 'Save Body…'),
    button('openBody', 'Open in Editor'),
    button('copyCurl', 'Copy as cURL'),
  );
}

function renderSummary(model: ResponseViewModel): ViewNode {
  const phases = model.timing.phases.map((phase) => `${phase.label} ${phase.ms.toFixed(0)} ms`).join(' · ');
  return h(
    'header',
    'summary',
    h(
      'div',
      'status-line',
      text(
        'span',
        `status-code status-${model.status.statusClass}`,
        `${model.status.code} ${model.status.text}`.trim(),
      ),
      text('span', 'title', model.title),
    ),
    h(
      'div',
      'meta',
      text('span', 'total-time', `${model.timing.totalMs.toFixed(0)} ms`),
      text('span', 'size', model.size.display),
      model.contentType ? text('span', 'content-type', model.contentType) : null,
      model.environment ? text('span', 'environment', `env: ${model.environment}`) : null,
      text('span', 'source', model.source),
    ),
    phases ? text('div', 'phases', phases) : null,
  );
}

/** The whole panel for one response. Pure: the same model and UI state give the same tree. */
export function renderResponse(model: ResponseViewModel, ui: PanelUiState): ViewNode {
  return h(
    'div',
    'response',
    renderSummary(model),
    model.explanation ? renderExplanation(model.explanation) : null,
    model.throttle ? renderThrottle(model.throttle) : null,
    ...model.warnings.map((warning) => text('p', 'warning', warning)),
    model.assertions.length > 0 ? renderAssertions(model.assertions) : null,
    ...model.notes.map((note) => text('p', 'note', note)),
    renderActions(),
    renderTabs(model, ui),
  );
}

/** Everything the panel can show: a response, a pending send, or a failure. */
export function renderMessage(message: HostMessage, ui: PanelUiState): ViewNode {
  switch (message.type) {
    case 'showResponse':
      return renderResponse(message.model, ui);
    case 'showPending':
      return h(
        'div',
        'pending',
        text('p', 'status-pending', `Sending ${message.title}…`),
        text('p', 'source', message.source),
      );
    case 'showFailure':
      return h(
        'div',
        'failure',
        text('h1', 'status-code status-failure', 'Not sent'),
        text('p', 'failure-message', message.message),
        message.hint ? text('p', 'hint', message.hint) : null,
        text('p', 'source', message.source),
      );
    default: {
      const never: never = message;
      return text('p', undefined, String(never));
    }
  }
}
