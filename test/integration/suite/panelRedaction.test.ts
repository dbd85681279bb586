// The response panel, the output channel and the Test Explorer mask every secret the run used, even when the server echoes it back.
import * as assert from 'node:assert/strict';

import * as vscode from 'vscode';

import { waitUntil } from '../index';
import { gwhttpApi, type LocalServer, openTempGwhttp, startLocalServer } from './extensionTestUtils';

const keyId = 'AKIDpanelEcho000000000000000000001';
const secret = 'panel-echo-secret-that-must-not-show';
/** A key whose secret only the process environment holds: the log never saw it stored. */
const envKeyId = 'AKIDlogEcho0000000000000000000000001';
const envSecret = 'log-echo/secret+from the environment';
const envVariable = `GWHTTP_SECRET_${envKeyId}`;

describe('Secrets in the response panel, the output channel and the Test Explorer (extension host)', function () {
  this.timeout(60_000);
  let server: LocalServer;

  before(async () => {
    server = await startLocalServer((request, response) => {
      if (request.url?.startsWith('/redirect')) {
        response.writeHead(302, { Location: `/debug?echo=${encodeURIComponent(envSecret)}` }).end();
        return;
      }
      response.statusMessage = `OK ${envSecret}`;
      response.setHeader('X-Debug-Secret', secret);
      response.setHeader('Set-Cookie', `echo=${encodeURIComponent(secret)}; Path=/`);
      response.setHeader('Content-Type', 'application/json');
      response.end(JSON.stringify({ echoed: secret, fromEnvironment: envSecret }));
    });
    await gwhttpApi();
    await vscode.commands.executeCommand('gwhttp.storeSecret', keyId, secret);
    process.env[envVariable] = envSecret;
  });
  after(async () => {
    await vscode.commands.executeCommand('gwhttp.forgetSecret', keyId);
    delete process.env[envVariable];
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

  it('masks it in the output channel when a redirect Location carries it into the URL sent', async () => {
    const api = await gwhttpApi();
    const document = await openTempGwhttp(`# @sign tencent-keypair id=${envKeyId}\nGET ${server.url}/redirect\n`);
    await vscode.commands.executeCommand('gwhttp.sendRequest', document.uri, 0);
    const forms = [envSecret, encodeURIComponent(envSecret)];
    const shown = JSON.stringify(api.lastResponseModel());
    assert.ok(shown.includes('/debug?echo=') && !forms.some((form) => shown.includes(form)), shown);
    const sent = api.logLines().filter((line) => line.includes('/debug?echo='));
    assert.ok(sent.length > 0, `the send is logged: ${api.logLines().join('\n')}`);
    for (const line of api.logLines()) {
      assert.ok(!forms.some((form) => line.includes(form)), line);
    }
    assert.match(sent[sent.length - 1], /\/debug\?echo=\*{8} → 200/);
  });

  it('masks it in what the Test Explorer reports for a failed check', async () => {
    const api = await gwhttpApi();
    const document = await openTempGwhttp(
      `# @sign tencent-keypair id=${envKeyId}\nGET ${server.url}/debug\n?? body $.fromEnvironment == nothing\n`,
      'echo.gwhttp',
    );
    const file = await waitUntil(
      () => api.tests.controller.items.get(document.uri.toString()),
      10_000,
      `no test item for ${document.uri.fsPath}`,
    );
    assert.ok(file);
    await api.tests.runItems([file], new vscode.CancellationTokenSource().token);
    const reported = api.tests.lastRun.get(`${document.uri.toString()}#0`);
    assert.equal(reported?.state, 'failed');
    const text = JSON.stringify(reported);
    assert.ok(!text.includes(envSecret) && !text.includes(encodeURIComponent(envSecret)), text);
    assert.match(text, /\*{8}/);
  });
});
