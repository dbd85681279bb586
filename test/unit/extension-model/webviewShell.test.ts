import assert from 'node:assert/strict';

import type * as vscode from 'vscode';

import { createNonce, escapeHtml, responseHtml } from '../../../src/extension/response/responseHtml';
import { parseWebviewMessage } from '../../../src/shared/parseMessages';

const uri = (value: string) => ({ toString: () => value }) as unknown as vscode.Uri;
const webview = { cspSource: 'https://webview.test' } as vscode.Webview;

describe('response panel shell', () => {
  it('puts a strict CSP first in <head> and loads one nonce-bound script and one stylesheet', () => {
    const nonce = createNonce();
    const html = responseHtml(
      webview,
      uri('https://webview.test/main.js'),
      uri('https://webview.test/styles.css'),
      nonce,
    );
    const head = html.slice(html.indexOf('<head>') + 6).trimStart();
    assert.ok(head.startsWith('<meta http-equiv="Content-Security-Policy"'));
    const csp = (/content="([^"]*)"/.exec(head)?.[1] ?? '').replace(/&#39;/g, "'");
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, new RegExp(`script-src 'nonce-${nonce.replace(/[+/=]/g, (c) => `\\${c}`)}'`));
    assert.match(csp, /style-src https:\/\/webview\.test/);
    assert.match(csp, /img-src https:\/\/webview\.test data:/);
    assert.doesNotMatch(csp, /unsafe-(eval|inline)/);
    assert.equal((html.match(/<script/g) ?? []).length, 1);
    assert.ok(html.includes(`<script nonce="${nonce}" src="https://webview.test/main.js"></script>`));
    assert.doesNotMatch(html, /\son[a-z]+=/i);
  });

  it('makes a fresh 128-bit nonce for every render', () => {
    const nonces = new Set(Array.from({ length: 100 }, createNonce));
    assert.equal(nonces.size, 100);
    for (const nonce of nonces) assert.equal(Buffer.from(nonce, 'base64').length, 16);
  });

  it('escapes everything interpolated into the shell', () => {
    assert.equal(
      escapeHtml(`<a href="x" onclick='y'>&</a>`),
      '&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
  });
});

describe('parseWebviewMessage', () => {
  it('accepts the known messages and drops everything else', () => {
    assert.deepEqual(parseWebviewMessage({ type: 'ready' }), { type: 'ready' });
    assert.deepEqual(parseWebviewMessage({ type: 'cancel', command: 'workbench.action.quit' }), { type: 'cancel' });
    assert.deepEqual(parseWebviewMessage({ type: 'action', action: 'copyCurl', modelId: 3, extra: 1 }), {
      type: 'action',
      action: 'copyCurl',
      modelId: 3,
    });
    assert.equal(parseWebviewMessage({ type: 'action', action: 'runShell', modelId: 3 }), null);
    assert.equal(parseWebviewMessage({ type: 'action', action: 'copyBody', modelId: '3' }), null);
    assert.equal(parseWebviewMessage({ type: 'rendered', modelId: 1, statusText: 'x'.repeat(500) })?.type, 'rendered');
    for (const junk of [null, 'ready', 42, { type: 'openExternal', url: 'https://x' }, []]) {
      assert.equal(parseWebviewMessage(junk), null);
    }
  });
});
