import assert from 'node:assert/strict';

import { buildResponseViewModel } from '../../../src/core/presentation/buildResponseViewModel';
import { elapsedText } from '../../../src/webview/renderPending';
import { type PanelUiState, renderMessage, renderResponse, type TabId } from '../../../src/webview/renderResponse';
import { allowedImageUri, type ViewNode } from '../../../src/webview/viewNode';
import { exchangeFixture } from './exchangeFixture';

const hostile = [
  '<script>window.pwned=1</script>',
  '<a href="javascript:alert(1)">click</a>',
  '</style><style>body{display:none}</style>',
  '"><img src=x onerror=alert(1)>',
  'it\'s "quoted"',
];

const allowedTags = new Set([
  'div',
  'span',
  'section',
  'header',
  'h1',
  'h2',
  'h3',
  'p',
  'pre',
  'code',
  'button',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'ul',
  'li',
  'img',
  'dl',
  'dt',
  'dd',
  'strong',
  'details',
  'summary',
]);
const allowedAttributes = new Set([
  'role',
  'aria-selected',
  'aria-label',
  'data-tab',
  'data-action',
  'data-mode',
  'data-card',
  'data-fold',
  'data-failure',
  'aria-expanded',
  'open',
  'title',
  'alt',
  'tabindex',
]);

function walk(node: ViewNode, visit: (node: ViewNode) => void): void {
  visit(node);
  for (const child of node.children ?? []) walk(child, visit);
}

function texts(node: ViewNode): string[] {
  const result: string[] = [];
  walk(node, (each) => {
    if (each.text !== undefined) result.push(each.text);
  });
  return result;
}

function hostileModel() {
  const bodyText = hostile.join('\n');
  return buildResponseViewModel(
    exchangeFixture(
      { title: hostile[0] },
      {
        status: 200,
        body: Buffer.from(bodyText),
        bodyText,
        contentType: 'text/html',
        headers: hostile.map((value, index) => ({ name: `X-"Evil'${index}<b>`, value })),
      },
    ),
  );
}

describe('renderResponse (DOM-free)', () => {
  it('shows status, the raw X-RateLimit-Used and a bounded bar', () => {
    const tree = renderResponse(buildResponseViewModel(exchangeFixture()), {
      tab: 'body',
      bodyMode: 'pretty',
      cards: {},
    });
    const all = texts(tree);
    assert.ok(all.includes('200 OK'));
    assert.ok(all.includes('100/125'));
    const bars: number[] = [];
    walk(tree, (node) => {
      if (node.widthPercent !== undefined) bars.push(node.widthPercent);
    });
    assert.deepEqual(bars, [80]);
  });

  it('shows warnings above the tabs as text, apart from notes', () => {
    const model = {
      ...buildResponseViewModel(
        exchangeFixture({ warnings: ['The quota is nearly used up: 124/125 used, 1 left in this window.'] }),
      ),
      notes: ['a note'],
    };
    const classes: Array<[string | undefined, string | undefined]> = [];
    walk(renderResponse(model, { tab: 'body', bodyMode: 'pretty', cards: {} }), (node) => {
      if (node.tag === 'p') classes.push([node.className, node.text]);
    });
    assert.deepEqual(classes.slice(0, 2), [
      ['warning', model.warnings[0]],
      ['note', 'a note'],
    ]);
  });

  it('shows an assertions card: a mark per assertion, what a failed one found, the count in the heading', () => {
    const assertions = [
      { line: 4, text: 'status == 200', subject: 'status' as const, passed: true, actual: '200', failure: null },
      {
        line: 5,
        text: 'body $.id == 8',
        subject: 'body' as const,
        passed: false,
        actual: '7',
        failure: 'expected body $.id == 8, got 7',
      },
    ];
    const tree = renderResponse(buildResponseViewModel(exchangeFixture({ assertions })), {
      tab: 'body',
      bodyMode: 'pretty',
      cards: {},
    });
    let card: ViewNode | undefined;
    walk(tree, (node) => {
      if (node.className?.startsWith('card assertions')) card = node;
    });
    assert.equal(card?.className, 'card assertions assertions-failed');
    assert.deepEqual(texts(card!), [
      'Assertions: 1 passed, 1 failed',
      '✔',
      '?? status == 200',
      '✘',
      '?? body $.id == 8',
      ' line 5: expected body $.id == 8, got 7',
    ]);
    let none = false;
    walk(
      renderResponse(buildResponseViewModel(exchangeFixture()), { tab: 'body', bodyMode: 'pretty', cards: {} }),
      (node) => {
        none ||= node.className?.startsWith('card assertions') ?? false;
      },
    );
    assert.equal(none, false, 'no card without assertions');
  });

  it('puts the quota in the status line and closes the throttling card unless the user opened it', () => {
    const model = buildResponseViewModel(exchangeFixture());
    const find = (tree: ViewNode, className: string): ViewNode | undefined => {
      let found: ViewNode | undefined;
      walk(tree, (node) => {
        if (node.className?.split(' ').includes(className)) found ??= node;
      });
      return found;
    };
    const closed = renderResponse(model, { tab: 'body', bodyMode: 'pretty', cards: {} });
    assert.equal(find(closed, 'quota')?.text, 'quota 100/125 · 80 % used');
    assert.equal(find(closed, 'quota')?.className, 'quota quota-level-medium');
    assert.deepEqual(find(closed, 'throttle')?.attributes, { 'data-card': 'throttle' });
    const opened = renderResponse(model, { tab: 'body', bodyMode: 'pretty', cards: { throttle: true } });
    assert.deepEqual(find(opened, 'throttle')?.attributes, { 'data-card': 'throttle', open: '' });
    const header = find(closed, 'summary');
    assert.ok(header && texts(header).includes('200 OK'));
    assert.deepEqual(
      find(closed, 'toolbar')?.children?.map((button) => button.attributes?.['data-action']),
      ['copyBody', 'saveBody', 'openBody', 'copyCurl'],
    );
  });

  for (const tab of ['body', 'headers', 'request', 'signature'] as TabId[]) {
    it(`keeps hostile bodies and headers as inert text on the ${tab} tab`, () => {
      const ui: PanelUiState = { tab, bodyMode: 'raw', cards: {} };
      const tree = renderResponse(hostileModel(), ui);
      walk(tree, (node) => {
        assert.ok(allowedTags.has(node.tag), `tag ${node.tag}`);
        for (const name of Object.keys(node.attributes ?? {})) {
          assert.ok(allowedAttributes.has(name), `attribute ${name}`);
        }
        if (node.imageDataUri !== undefined) assert.match(node.imageDataUri, allowedImageUri);
      });
      const all = texts(tree).join('\n');
      if (tab === 'body') {
        for (const value of hostile) assert.ok(all.includes(value), `body text kept verbatim: ${value}`);
      }
      if (tab === 'headers') assert.ok(all.includes(`X-"Evil'1<b>`));
    });
  }

  it('shows a request in flight: its line as text, a time that main.ts counts up, and Cancel', () => {
    const pending = renderMessage(
      { type: 'showPending', title: hostile[0], source: 'a.gwhttp:3', method: 'POST', url: `http://h/${hostile[3]}` },
      { tab: 'body', bodyMode: 'pretty', cards: {} },
    );
    const all = texts(pending);
    assert.ok(all.includes(`POST http://h/${hostile[3]}`));
    assert.ok(all.includes(hostile[0]));
    assert.ok(all.includes('0.0 s'));
    let cancel: ViewNode | undefined;
    walk(pending, (node) => {
      if (node.attributes?.['data-action'] === 'cancel') cancel = node;
    });
    assert.equal(cancel?.text, 'Cancel');
    assert.deepEqual([elapsedText(1234), elapsedText(59_960), elapsedText(125_000)], ['1.2 s', '60.0 s', '2 min 5 s']);
  });

  it('renders failures and pending sends as text', () => {
    const failure = renderMessage(
      { type: 'showFailure', title: 't', source: 'a.gwhttp:3', message: hostile[1], hint: 'Store Secret Key…' },
      { tab: 'body', bodyMode: 'pretty', cards: {} },
    );
    assert.ok(texts(failure).includes(hostile[1]));
  });
});
