import assert from 'node:assert/strict';

import { failureNotice, noticeChars } from '../../../src/extension/response/failureNotice';
import { parsePanelState, parseWebviewMessage } from '../../../src/shared/parseMessages';
import { renderMessage } from '../../../src/webview/renderResponse';
import type { ViewNode } from '../../../src/webview/viewNode';

const missingSecret =
  'orders.gwhttp:3: no secret key for key id "AKIDx" (looked in: VS Code SecretStorage; environment variable GWHTTP_SECRET_AKIDX); nothing was sent.';

describe('one surface for a send error', () => {
  it('gives the notification one short line: the request and the gist, pointing at the panel', () => {
    assert.equal(
      // The message carries no file:line (the panel shows the place).
      failureNotice('List orders', `${missingSecret.slice('orders.gwhttp:3: '.length)}\nmore detail\nand more`),
      'GW HTTP: List orders failed: no secret key for key id "AKIDx". Details in the response panel.',
    );
    const long = failureNotice('t', 'x'.repeat(500));
    assert.ok(!long.includes('\n'));
    assert.ok(long.includes(`${'x'.repeat(noticeChars - 1)}…`));
  });

  it('renders the whole failure with its buttons, which name their place only', () => {
    const tree = renderMessage(
      {
        type: 'showFailure',
        title: 'List orders',
        source: 'orders.gwhttp:3',
        message: missingSecret,
        hint: 'Store it.',
        actions: ['Store Secret Key…', 'Show Log'],
      },
      { tab: 'body', bodyMode: 'pretty', cards: {} },
    );
    const buttons: ViewNode[] = [];
    const visit = (node: ViewNode): void => {
      if (node.tag === 'button') buttons.push(node);
      node.children?.forEach(visit);
    };
    visit(tree);
    assert.deepEqual(
      buttons.map((button) => [button.text, button.attributes]),
      [
        ['Store Secret Key…', { 'data-failure': '0' }],
        ['Show Log', { 'data-failure': '1' }],
      ],
    );
    assert.ok(JSON.stringify(tree).includes(JSON.stringify(missingSecret).slice(1, -1)));
  });

  it('accepts a failure button by its place only, and keeps labels of a saved failure', () => {
    assert.deepEqual(parseWebviewMessage({ type: 'failureAction', index: 1, command: 'x' }), {
      type: 'failureAction',
      index: 1,
    });
    for (const index of [-1, 1.5, '0', 10, null]) {
      assert.equal(parseWebviewMessage({ type: 'failureAction', index }), null);
    }
    const saved = parsePanelState({
      version: 1,
      message: { type: 'showFailure', title: 't', source: 's', message: 'm', hint: null, actions: ['A', 3] },
      ui: {},
    });
    assert.deepEqual(saved?.message, { type: 'showFailure', title: 't', source: 's', message: 'm', hint: null });
  });
});
