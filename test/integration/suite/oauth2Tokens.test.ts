// OAuth2 in the editor: the client secret from SecretStorage, the token fetched once per window and masked in the panel.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import * as vscode from 'vscode';

import { gwhttpApi, type LocalServer, startLocalServer } from './extensionTestUtils';

const clientSecret = 'editor-oauth2-client-secret-0001';

describe('OAuth2 tokens in the editor (extension host)', function () {
  this.timeout(60_000);
  let idp: LocalServer;
  let api: LocalServer;
  const issued: string[] = [];
  const seen: (string | undefined)[] = [];

  before(async () => {
    idp = await startLocalServer((request, response) => {
      const basic = Buffer.from((request.headers.authorization ?? '').replace(/^Basic /, ''), 'base64').toString();
      const [id, secret] = basic.split(':').map(decodeURIComponent);
      response.setHeader('Content-Type', 'application/json');
      if (id !== 'editor-client' || secret !== clientSecret) {
        response.writeHead(401).end(JSON.stringify({ error: 'invalid_client' }));
        return;
      }
      const token = `editor-access-token-${issued.length + 1}-abcdefgh`;
      issued.push(token);
      response.end(JSON.stringify({ access_token: token, token_type: 'Bearer', expires_in: 3600 }));
    });
    api = await startLocalServer((request, response) => {
      seen.push(request.headers.authorization);
      response.setHeader('Content-Type', 'application/json');
      response.end(JSON.stringify({ youSent: request.headers.authorization }));
    });
    await gwhttpApi();
    await vscode.commands.executeCommand('gwhttp.forgetOAuth2Tokens');
    await vscode.commands.executeCommand('gwhttp.storeSecret', 'oauth2:api', clientSecret);
  });
  after(async () => {
    await vscode.commands.executeCommand('gwhttp.forgetSecret', 'oauth2:api');
    await vscode.commands.executeCommand('gwhttp.forgetOAuth2Tokens');
    await idp.close();
    await api.close();
  });

  it('sends # @auth oauth2 NAME with the token, reuses it, masks it in the panel; Forget OAuth2 Tokens fetches anew', async () => {
    const gwhttp = await gwhttpApi();
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'gwhttp-'));
    const config = { grant: 'client_credentials', tokenEndpoint: `${idp.url}/token`, clientId: 'editor-client' };
    fs.writeFileSync(path.join(folder, 'gwhttp.env.json'), JSON.stringify({ $shared: { $oauth2: { api: config } } }));
    const file = path.join(folder, 'oauth2.gwhttp');
    fs.writeFileSync(file, `# @auth oauth2 api\nGET ${api.url}/me\n`);
    const document = await vscode.workspace.openTextDocument(file);
    await vscode.window.showTextDocument(document);

    await vscode.commands.executeCommand('gwhttp.sendRequest', document.uri, 0);
    assert.equal(issued.length, 1, `one token fetched: ${gwhttp.logLines().join('\n')}`);
    assert.deepEqual(seen, [`Bearer ${issued[0]}`]);
    const shown = JSON.stringify(gwhttp.lastResponseModel());
    assert.ok(!shown.includes(issued[0]), 'the token reached the panel model');
    assert.ok(!shown.includes(clientSecret), 'the client secret reached the panel model');
    assert.ok(!gwhttp.logLines().some((line) => line.includes(issued[0])), 'the token reached the log');

    await vscode.commands.executeCommand('gwhttp.sendRequest', document.uri, 0);
    assert.equal(issued.length, 1, 'the second send reuses the token');
    assert.equal(seen[1], `Bearer ${issued[0]}`);

    await vscode.commands.executeCommand('gwhttp.forgetOAuth2Tokens');
    await vscode.commands.executeCommand('gwhttp.sendRequest', document.uri, 0);
    assert.equal(issued.length, 2, 'forgotten: fetched anew');
    assert.equal(seen[2], `Bearer ${issued[1]}`);
  });
});
