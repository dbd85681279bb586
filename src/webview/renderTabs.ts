import type { EarlierExchangeView, NameValue, PanelTab, ResponseViewModel, SignatureView } from '../shared/protocol';
import { modeSwitch, renderBody } from './renderBody';
import type { PanelUiState } from './renderResponse';
import { h, text, type ViewNode } from './viewNode';

export function headerTable(headers: NameValue[]): ViewNode {
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

/** An exchange before the answered one (Digest's 401 challenge), shown above the request as answered. */
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

/** The response headers, then the cookies it set (the jar's verdict on each). */
function renderHeaders(model: ResponseViewModel): ViewNode {
  const cookies = model.cookies ?? [];
  if (cookies.length === 0) return headerTable(model.headers);
  return h(
    'div',
    'response-headers',
    headerTable(model.headers),
    text('h3', undefined, `Cookies set (${cookies.length})`),
    h(
      'table',
      'headers cookies',
      h(
        'tbody',
        undefined,
        ...cookies.map((cookie) =>
          h(
            'tr',
            undefined,
            text('th', undefined, cookie.name),
            text('td', undefined, cookie.value),
            text('td', undefined, cookie.rejected === null ? cookie.attributes : `not kept: ${cookie.rejected}`),
          ),
        ),
      ),
    ),
  );
}

function tabContent(model: ResponseViewModel, ui: PanelUiState): ViewNode {
  switch (ui.tab) {
    case 'headers':
      return renderHeaders(model);
    case 'request':
      return renderRequest(model);
    case 'signature':
      return renderSignature(model.signature);
    default:
      return renderBody(model.body, ui.bodyMode);
  }
}

/** The tabs: a bar that sticks to the top while the body scrolls (with Pretty/Raw on the Body tab), and the tab shown. */
export function renderTabs(model: ResponseViewModel, ui: PanelUiState): ViewNode {
  const tabs: { id: PanelTab; label: string }[] = [
    { id: 'body', label: 'Body' },
    { id: 'headers', label: `Headers (${model.headers.length})` },
    { id: 'request', label: 'Request' },
    { id: 'signature', label: 'Signature' },
  ];
  const hasPretty = model.body.kind === 'text' && model.body.pretty !== null;
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
      ui.tab === 'body' && hasPretty ? modeSwitch(ui.bodyMode) : null,
    ),
    h('div', `tab-panel tab-${ui.tab}`, tabContent(model, ui)),
  );
}
