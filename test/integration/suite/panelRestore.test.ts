// The response panel after a window reload: VS Code hands the serializer a new panel and the state the
// webview saved; the panel shows that response again and is the one the next send reuses.
import * as assert from 'node:assert/strict';

import * as vscode from 'vscode';

import { demoKeyPairId, demoKeyPairSecret } from '../../../src/cli/mockGateway/mockKeys';
import { type MockGateway, startMockGateway } from '../../../src/cli/mockGateway/startMockGateway';
import { restoredNote } from '../../../src/extension/response/restoredMessage';
import type { ResponseViewModel } from '../../../src/shared/protocol';
import { shapePanelState } from '../../../src/webview/panelState';
import { waitUntil } from '../index';
import { gwhttpApi, openTempGwhttp } from './extensionTestUtils';

function signedRequest(baseUrl: string): string {
  return `### List orders\n# @sign tencent-keypair id=${demoKeyPairId}\nGET ${baseUrl}/release/orders?limit=2\nAccept: application/json\n`;
}

function cspNonce(html: string): string {
  const nonce = /script-src 'nonce-([^']+)'/.exec(html.replace(/&#39;/g, "'"))?.[1];
  assert.ok(nonce, 'no nonce in the panel CSP');
  return nonce;
}

/** The state as VS Code keeps it for a reload: what the webview saved with setState, through JSON. */
function savedState(model: ResponseViewModel): unknown {
  return JSON.parse(
    JSON.stringify(shapePanelState({ type: 'showResponse', model }, { tab: 'headers', bodyMode: 'raw', cards: {} })),
  );
}

function newPanel(): vscode.WebviewPanel {
  // As VS Code re-creates it: same view type, no scripts until the serializer sets the options.
  return vscode.window.createWebviewPanel(
    'gwhttp.response',
    'Response',
    { viewColumn: vscode.ViewColumn.Two, preserveFocus: true },
    {},
  );
}

describe('Response panel restored after a window reload (extension host)', function () {
  this.timeout(60_000);
  let gateway: MockGateway;
  let document: vscode.TextDocument;

  before(async () => {
    gateway = await startMockGateway();
    await gwhttpApi();
    await vscode.commands.executeCommand('gwhttp.storeSecret', demoKeyPairId, demoKeyPairSecret);
    document = await openTempGwhttp(signedRequest(gateway.url));
  });

  after(async () => {
    await vscode.commands.executeCommand('gwhttp.forgetSecret', demoKeyPairId);
    await gateway.close();
  });

  it('shows the saved response in the restored panel with a fresh shell, and the next send reuses that panel', async () => {
    const api = await gwhttpApi();
    await vscode.commands.executeCommand('gwhttp.sendRequest', document.uri, 0);
    const live = api.lastResponseModel();
    assert.equal(live?.status.code, 200);
    const firstPanel = await waitUntil(() => api.responsePanel(), 10_000, 'no panel after the first send');
    assert.ok(firstPanel);
    await waitUntil(() => api.lastRendered()?.modelId === live.id, 15_000, 'the first response was not rendered');
    const oldNonce = cspNonce(firstPanel.webview.html);
    firstPanel.dispose();
    assert.equal(api.responsePanel(), null);

    const panel = newPanel();
    await api.panelSerializer.deserializeWebviewPanel(
      panel,
      savedState({ ...live, id: 90_001, title: 'Orders before the reload' }),
    );
    assert.equal(api.responsePanel(), panel, 'the restored panel is not the current panel');
    assert.equal(panel.webview.options.enableScripts, true);
    assert.equal(panel.webview.options.enableCommandUris, false);
    assert.notEqual(cspNonce(panel.webview.html), oldNonce, 'the restored shell reused the old nonce');
    assert.match(panel.webview.html.replace(/&#39;/g, "'"), /default-src 'none'/);
    assert.equal(panel.title, 'Response 200: Orders before the reload');
    await waitUntil(
      () => api.lastRendered()?.modelId === 90_001,
      15_000,
      `the restored panel did not render the saved response (got ${JSON.stringify(api.lastRendered())})`,
    );
    assert.equal(api.lastRendered()?.statusText, '200 OK');
    const shown = api.lastPanelMessage();
    assert.ok(
      shown?.type === 'showResponse' && shown.model.notes.includes(restoredNote),
      'the restored response does not say it was restored',
    );
    assert.equal(shown.model.throttle?.usedRaw, live.throttle?.usedRaw);

    for (const action of ['saveBody', 'openBody', 'copyBody', 'copyCurl'] as const) {
      assert.match((await api.responseAction(action)) ?? '', /Send the request again/, `${action} on a restored panel`);
    }

    await vscode.commands.executeCommand('gwhttp.sendRequest', document.uri, 0);
    const next = api.lastResponseModel();
    assert.ok(next && next.id !== 90_001 && next.status.code === 200);
    assert.equal(api.responsePanel(), panel, 'the next send did not reuse the restored panel');
    assert.equal(panel.viewColumn, vscode.ViewColumn.Two, 'the panel left its column');
    await waitUntil(
      () => api.lastRendered()?.modelId === next.id,
      15_000,
      'the restored panel did not render the next response',
    );
    assert.ok(!next.notes.includes(restoredNote));
  });

  it('says "send the request again" when nothing usable was saved', async () => {
    const api = await gwhttpApi();
    api.responsePanel()?.dispose();
    const panel = newPanel();
    await api.panelSerializer.deserializeWebviewPanel(panel, {
      version: 1,
      message: { type: 'showResponse', model: { id: 'x' } },
      ui: {},
    });
    assert.equal(api.responsePanel(), panel);
    const shown = api.lastPanelMessage();
    assert.ok(shown?.type === 'showFailure', `got ${shown?.type}`);
    assert.equal(shown.hint, 'Send the request again.');
    assert.equal(panel.title, 'Response: not kept after a reload');
    assert.equal(await api.responseAction('saveBody'), null);
    panel.dispose();
  });
});
