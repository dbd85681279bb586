// Preview Signature (issue 11 bug 4): a failed preview leaves the response panel alone, and a chained
// request has its dependency sent first, as Send does.
import * as assert from 'node:assert/strict';

import * as vscode from 'vscode';

import { waitUntil } from '../index';
import {
  answerConfirmation,
  gwhttpApi,
  type LocalServer,
  openTempGwhttp,
  startLocalServer,
} from './extensionTestUtils';

const keyId = 'AKIDpreviewChain0000000000000000000001';

describe('Preview Signature: its own failures, chained requests (extension host)', function () {
  this.timeout(60_000);
  let server: LocalServer;
  const paths: string[] = [];

  before(async () => {
    server = await startLocalServer((request, response) => {
      paths.push(request.url ?? '');
      response.setHeader('Content-Type', 'application/json');
      response.end(request.url === '/login' ? '{"token": "tok-from-login-42"}' : '{"ok": true}');
    });
    await gwhttpApi();
  });

  after(() => server.close());

  it('a failed preview does not replace the response the panel shows', async () => {
    const api = await gwhttpApi();
    const sent = await openTempGwhttp(`GET ${server.url}/shown\n`);
    await vscode.commands.executeCommand('gwhttp.sendRequest', sent.uri, 0);
    assert.equal(api.lastPanelMessage()?.type, 'showResponse');
    const shown = api.lastResponseModel();
    assert.equal(shown?.status.code, 200);
    const broken = await openTempGwhttp(`# @sign tencent-keypair id=${keyId}\nGET ${server.url}/{{nowhereDefined}}\n`);
    await vscode.commands.executeCommand('gwhttp.previewSignature', broken.uri, 0);
    assert.equal(api.lastPanelMessage()?.type, 'showResponse', 'the preview failure took over the panel');
    assert.equal(api.lastResponseModel(), shown);
  });

  it('sends the request a chained one refers to first, then previews it with the chained value', async () => {
    const document = await openTempGwhttp(
      [
        '# @name login',
        `POST ${server.url}/login`,
        '',
        '###',
        `# @sign tencent-keypair id=${keyId}`,
        `GET ${server.url}/orders`,
        'X-Token: {{login.response.body.$.token}}',
        '',
      ].join('\n'),
    );
    paths.length = 0;
    await vscode.commands.executeCommand('gwhttp.previewSignature', document.uri, 1);
    const preview = await waitUntil(
      () =>
        vscode.workspace.textDocuments.find(
          (each) => each.uri.scheme === 'gwhttp-signature' && each.getText().includes('/orders'),
        ),
      10_000,
      'no signature preview of the chained request',
    );
    assert.match(preview!.getText(), /X-Token: tok-from-login-42/);
    assert.deepEqual(paths, ['/login'], 'the dependency was not sent once (and the previewed request not at all)');
  });

  it('asks before sending a dependency marked # @note, as Send does; declined, nothing is sent or previewed', async () => {
    const document = await openTempGwhttp(
      [
        '### Log in',
        '# @name login',
        '# @note This logs in to production',
        `POST ${server.url}/login`,
        '',
        '###',
        `# @sign tencent-keypair id=${keyId}`,
        `GET ${server.url}/confirmed-orders`,
        'X-Token: {{login.response.body.$.token}}',
        '',
      ].join('\n'),
    );
    paths.length = 0;
    const declined = answerConfirmation(undefined);
    try {
      await vscode.commands.executeCommand('gwhttp.previewSignature', document.uri, 1);
    } finally {
      declined.restore();
    }
    assert.deepEqual(declined.asked, [
      { message: 'GW HTTP: send this request?', detail: 'Log in (line 4): This logs in to production' },
    ]);
    assert.deepEqual(paths, [], 'a declined dependency was sent');
    const accepted = answerConfirmation('Send');
    try {
      await vscode.commands.executeCommand('gwhttp.previewSignature', document.uri, 1);
    } finally {
      accepted.restore();
    }
    assert.equal(accepted.asked.length, 1);
    assert.deepEqual(paths, ['/login']);
    const preview = await waitUntil(
      () =>
        vscode.workspace.textDocuments.find(
          (each) => each.uri.scheme === 'gwhttp-signature' && each.getText().includes('/confirmed-orders'),
        ),
      10_000,
      'no preview after the dependency was confirmed',
    );
    assert.match(preview!.getText(), /X-Token: tok-from-login-42/);
  });
});
