// The response panel masks every secret the run used, even when the server echoes it back.
import * as assert from 'node:assert/strict';

import * as vscode from 'vscode';

import { gwhttpApi, type LocalServer, openTempGwhttp, startLocalServer } from './extensionTestUtils';

const keyId = 'AKIDpanelEcho000000000000000000001';
const secret = 'panel-echo-secret-that-must-not-show';

describe('Secrets in the response panel (extension host)', function () {
  this.timeout(60_000);
  let server: LocalServer;

  before(async () => {
    server = await startLocalServer((_request, response) => {
      response.setHeader('X-Debug-Secret', secret);
      response.setHeader('Content-Type', 'application/json');
      response.end(JSON.stringify({ echoed: secret }));
    });
    await gwhttpApi();
    await vscode.commands.executeCommand('gwhttp.storeSecret', keyId, secret);
  });
  after(async () => {
    await vscode.commands.executeCommand('gwhttp.forgetSecret', keyId);
    await server.close();
  });

  it('masks a stored secret that the server echoes in a header and the body', async () => {
    const api = await gwhttpApi();
    const document = await openTempGwhttp(
      `# @sign tencent-keypair id=${keyId}\nGET ${server.url}/debug\n?? body $.echoed == nothing\n`,
    );
    await vscode.commands.executeCommand('gwhttp.sendRequest', document.uri, 0);
    const model = api.lastResponseModel();
    assert.ok(model, 'the panel shows the response');
    const shown = JSON.stringify(model);
    assert.ok(!shown.includes(secret), 'the secret reached the panel model');
    assert.match(shown, /\*{8}/, 'the mask is shown instead');
  });
});
