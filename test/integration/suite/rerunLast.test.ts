// Rerun Last Request finds the request again by what identifies it, never by its index (issue 11).
import * as assert from 'node:assert/strict';

import * as vscode from 'vscode';

import { gwhttpApi, type LocalServer, openTempGwhttp, startLocalServer } from './extensionTestUtils';

/** Inserts `text` at the start of the document (unsaved, as a user typing above the request). */
async function insertAtTop(document: vscode.TextDocument, text: string): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.insert(document.uri, new vscode.Position(0, 0), text);
  assert.ok(await vscode.workspace.applyEdit(edit));
}

describe('Rerun Last Request (extension host)', function () {
  this.timeout(60_000);
  let server: LocalServer;
  const received: string[] = [];

  before(async () => {
    await gwhttpApi();
    server = await startLocalServer((request, response) => {
      received.push(`${request.method} ${request.url}`);
      response.writeHead(200, { 'Content-Type': 'application/json' }).end('{"ok":true}');
    });
  });

  after(() => server.close());

  const postJson = (): string =>
    `### Post JSON\nPOST ${server.url}/orders\nContent-Type: application/json\n\n{"sku": "A-1"}\n`;

  it('re-sends the same request after one was inserted above it', async () => {
    const document = await openTempGwhttp(postJson());
    received.length = 0;
    await vscode.commands.executeCommand('gwhttp.sendRequest', document.uri, 0);
    await insertAtTop(document, `### Danger\nDELETE ${server.url}/danger\n\n`);
    const notice = await vscode.commands.executeCommand('gwhttp.rerunLast');
    assert.deepEqual(received, ['POST /orders', 'POST /orders']);
    assert.equal(notice, null);
  });

  it('refuses, saying so, when the request is gone or changed', async () => {
    const document = await openTempGwhttp(`# @name create\n${postJson().split('\n').slice(1).join('\n')}`);
    received.length = 0;
    await vscode.commands.executeCommand('gwhttp.sendRequest', document.uri, 0);
    const edit = new vscode.WorkspaceEdit();
    edit.replace(document.uri, document.lineAt(1).range, `DELETE ${server.url}/danger`);
    assert.ok(await vscode.workspace.applyEdit(edit));
    const changed = await vscode.commands.executeCommand<string>('gwhttp.rerunLast');
    assert.match(
      changed,
      /"create" \(POST http:\/\/127\.0\.0\.1:\d+\/orders\) was changed: line 2 .* now reads DELETE/,
    );
    const gone = await openTempGwhttp(postJson());
    await vscode.commands.executeCommand('gwhttp.sendRequest', gone.uri, 0);
    const clear = new vscode.WorkspaceEdit();
    clear.replace(gone.uri, new vscode.Range(0, 0, gone.lineCount, 0), `GET ${server.url}/other\n`);
    assert.ok(await vscode.workspace.applyEdit(clear));
    const missing = await vscode.commands.executeCommand<string>('gwhttp.rerunLast');
    assert.match(missing, /"Post JSON" \(POST .*\/orders\) is no longer in request\.gwhttp; nothing was sent/);
    assert.deepEqual(received, ['POST /orders', 'POST /orders']);
  });

  it('does not repeat a Send All run', async () => {
    const document = await openTempGwhttp(`${postJson()}\n### Read\nGET ${server.url}/orders/1\n`);
    received.length = 0;
    await vscode.commands.executeCommand('gwhttp.sendAll', document.uri);
    const notice = await vscode.commands.executeCommand<string>('gwhttp.rerunLast');
    assert.match(notice, /the last send was Send All \(2 requests of request\.gwhttp\)/);
    assert.deepEqual(received, ['POST /orders', 'GET /orders/1']);
  });
});
