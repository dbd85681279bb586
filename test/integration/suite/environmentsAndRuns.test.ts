// Environments from the setting, Send All, Cancel and Copy as cURL in the real extension host.
import * as assert from 'node:assert/strict';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

import * as vscode from 'vscode';

import { demoKeyPairId, demoKeyPairSecret } from '../../../src/cli/mockGateway/mockKeys';
import { type MockGateway, startMockGateway } from '../../../src/cli/mockGateway/startMockGateway';
import { waitUntil } from '../index';
import { gwhttpApi, openTempGwhttp, skipWhereTheClipboardCannotBeRead } from './extensionTestUtils';

describe('Environments, Send All, Cancel and cURL (extension host)', function () {
  this.timeout(60_000);
  let gateway: MockGateway;

  before(async () => {
    gateway = await startMockGateway();
    await gwhttpApi();
    await vscode.commands.executeCommand('gwhttp.storeSecret', demoKeyPairId, demoKeyPairSecret);
    await vscode.workspace
      .getConfiguration('gwhttp')
      .update('environments', { test: { base: gateway.url, keyId: demoKeyPairId } }, vscode.ConfigurationTarget.Global);
  });

  after(async () => {
    await vscode.commands.executeCommand('gwhttp.selectEnvironment', null);
    await vscode.workspace
      .getConfiguration('gwhttp')
      .update('environments', undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('gwhttp.forgetSecret', demoKeyPairId);
    await gateway.close();
  });

  it('sends with the selected environment, and the lens names it', async () => {
    const api = await gwhttpApi();
    await vscode.commands.executeCommand('gwhttp.selectEnvironment', 'test');
    const document = await openTempGwhttp(
      '### From the environment\n# @sign tencent-keypair id={{keyId}}\nGET {{base}}/release/env\n',
    );
    const lenses =
      (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri)) ?? [];
    assert.ok(
      lenses.some((lens) => lens.command?.title === 'Environment: test'),
      lenses.map((lens) => lens.command?.title).join(' | '),
    );
    await vscode.commands.executeCommand('gwhttp.sendRequest', document.uri, 0);
    const model = api.lastResponseModel();
    assert.equal(model?.status.code, 200);
    assert.equal(model?.environment, 'test');
    assert.equal(model?.request.url, `${gateway.url}/release/env`);
  });

  it('sends every request of the file in order with Send All, chaining named responses', async () => {
    const api = await gwhttpApi();
    const before = api.lastResponseModel()?.id ?? 0;
    const document = await openTempGwhttp(
      [
        '### First',
        '# @name first',
        `# @sign tencent-keypair id=${demoKeyPairId}`,
        `GET ${gateway.url}/release/one`,
        '',
        '### Second',
        `# @sign tencent-keypair id=${demoKeyPairId}`,
        `GET ${gateway.url}{{first.response.body.$.path}}/two`,
        '',
      ].join('\n'),
    );
    await vscode.commands.executeCommand('gwhttp.sendAll', document.uri);
    const model = api.lastResponseModel();
    assert.equal(model?.title, 'Second');
    assert.equal(model?.id, before + 2);
    assert.equal(model?.request.url, `${gateway.url}/release/one/two`);
  });

  it('cancels a request that does not answer', async () => {
    const api = await gwhttpApi();
    let arrived: () => void = () => undefined;
    const gotRequest = new Promise<void>((resolve) => (arrived = resolve));
    const silent = http.createServer(() => arrived());
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    try {
      const before = api.lastResponseModel()?.id;
      const document = await openTempGwhttp(`GET http://127.0.0.1:${(silent.address() as AddressInfo).port}/hang\n`);
      const sending = vscode.commands.executeCommand('gwhttp.sendRequest', document.uri, 0);
      await gotRequest;
      await vscode.commands.executeCommand('gwhttp.cancelRequest');
      await sending;
      assert.equal(api.lastResponseModel()?.id, before, 'a cancelled request produced a response');
    } finally {
      silent.closeAllConnections();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });

  it('copies a freshly signed cURL command without the secret', async function () {
    await skipWhereTheClipboardCannotBeRead(this);
    const document = await openTempGwhttp(
      `# @sign tencent-keypair id=${demoKeyPairId}\nPOST ${gateway.url}/release/curl\nContent-Type: application/json\n\n{"a": 1}\n`,
    );
    await vscode.env.clipboard.writeText('');
    await vscode.commands.executeCommand('gwhttp.copyAsCurl', document.uri, 0);
    const curl = await vscode.env.clipboard.readText();
    // The command alone, starting with `curl`: a cURL import box refuses a leading `# …` note line.
    assert.match(curl, /^curl -sS -i -X POST http:\/\/127\.0\.0\.1:\d+\/release\/curl/);
    assert.doesNotMatch(curl, /^#/m);
    assert.match(curl, /-H 'Authorization: hmac id="AKIDgwhttpDEMO/);
    assert.match(curl, /--data-binary '\{"a": 1\}'/);
    assert.ok(!curl.includes(demoKeyPairSecret));
  });
});

describe('Response panel placement (extension host)', function () {
  this.timeout(60_000);
  let gateway: MockGateway;

  before(async () => {
    gateway = await startMockGateway();
    await vscode.commands.executeCommand('gwhttp.storeSecret', demoKeyPairId, demoKeyPairSecret);
  });

  after(async () => {
    await vscode.workspace
      .getConfiguration('gwhttp')
      .update('newPanelPerRequest', undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('gwhttp.forgetSecret', demoKeyPairId);
    await gateway.close();
  });

  it('keeps the panel in the column the user moved it to, and opens one per request when set', async () => {
    const api = await gwhttpApi();
    const document = await openTempGwhttp(
      `# @sign tencent-keypair id=${demoKeyPairId}\nGET ${gateway.url}/release/column\n`,
    );
    await vscode.commands.executeCommand('gwhttp.sendRequest', document.uri, 0);
    const panel = api.responsePanel()!;
    panel.reveal(panel.viewColumn, false);
    await waitUntil(() => panel.active, 10_000, 'the panel did not take the focus');
    await vscode.commands.executeCommand('workbench.action.moveEditorToFirstGroup');
    await waitUntil(
      () => panel.viewColumn === vscode.ViewColumn.One,
      10_000,
      `the panel did not move (column ${panel.viewColumn})`,
    );
    // The request file takes the front of that group; the next response must come back there, not Beside.
    await vscode.window.showTextDocument(document, vscode.ViewColumn.One);
    await waitUntil(() => !panel.visible, 10_000, 'the panel stayed visible behind the editor');
    await vscode.commands.executeCommand('gwhttp.sendRequest', document.uri, 0);
    await waitUntil(() => panel.visible, 10_000, 'the panel was not brought forward');
    assert.equal(api.responsePanel(), panel, 'a new panel was created');
    assert.equal(panel.viewColumn, vscode.ViewColumn.One, 'the panel left the column the user chose');
    await vscode.workspace
      .getConfiguration('gwhttp')
      .update('newPanelPerRequest', true, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('gwhttp.sendRequest', document.uri, 0);
    assert.notEqual(api.responsePanel(), panel, 'no new panel with gwhttp.newPanelPerRequest');
  });
});
