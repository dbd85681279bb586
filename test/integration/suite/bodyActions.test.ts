// The panel's body actions on a live response: Copy Body and Open in Editor give the text the panel
// shows, decoded with the response's charset (not as UTF-8 whatever it declares).
import * as assert from 'node:assert/strict';

import * as vscode from 'vscode';

import { waitUntil } from '../index';
import {
  gwhttpApi,
  type LocalServer,
  openTempGwhttp,
  skipWhereTheClipboardCannotBeRead,
  startLocalServer,
} from './extensionTestUtils';

/** "café £5 — ok" in ISO-8859-1 would lose the dash; windows-1252 has it (0x97). */
const windows1252 = Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x20, 0xa3, 0x35, 0x20, 0x97, 0x20, 0x6f, 0x6b]);
const expectedText = 'café £5 — ok';

describe('Response body actions (extension host)', function () {
  this.timeout(60_000);
  let server: LocalServer;
  let url: string;

  before(async () => {
    server = await startLocalServer((request, response) => {
      if (request.url === '/latin') {
        response.setHeader('Content-Type', 'text/plain; charset=windows-1252');
        response.end(windows1252);
        return;
      }
      response.setHeader('Content-Type', 'application/json');
      response.end(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"name":"ünïcödé"}')]));
    });
    url = server.url;
  });

  after(async () => {
    await server.close();
  });

  async function sendAndShow(path: string): Promise<void> {
    const api = await gwhttpApi();
    const document = await openTempGwhttp(`### Body actions\nGET ${url}${path}\n`);
    await vscode.commands.executeCommand('gwhttp.sendRequest', document.uri, 0);
    const model = api.lastResponseModel();
    assert.equal(model?.status.code, 200);
    await waitUntil(() => api.lastRendered()?.modelId === model?.id, 15_000, 'the panel did not render the response');
  }

  it('copies a windows-1252 body as the text the panel shows', async function () {
    await skipWhereTheClipboardCannotBeRead(this);
    await sendAndShow('/latin');
    await vscode.env.clipboard.writeText('before');
    const api = await gwhttpApi();
    assert.equal(await api.responseAction('copyBody'), null);
    assert.equal(await vscode.env.clipboard.readText(), expectedText);
  });

  it('opens a windows-1252 body in an editor with the same text', async () => {
    await sendAndShow('/latin');
    const api = await gwhttpApi();
    await api.responseAction('openBody');
    const editor = await waitUntil(
      () => (vscode.window.activeTextEditor?.document.isUntitled ? vscode.window.activeTextEditor : undefined),
      10_000,
      'no editor opened',
    );
    assert.equal(editor?.document.getText(), expectedText);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('shows an earlier response again from the history, with its actions', async () => {
    const api = await gwhttpApi();
    await sendAndShow('/latin');
    const first = api.lastResponseModel();
    await sendAndShow('/bom');
    await vscode.commands.executeCommand('gwhttp.showHistory', 1);
    const shown = api.lastResponseModel();
    assert.equal(shown?.id, first?.id);
    assert.ok(
      shown?.notes.some((note) => note.startsWith('From the response history: sent at ')),
      shown?.notes.join(' | '),
    );
    await waitUntil(
      () => api.lastRendered()?.modelId === shown?.id,
      15_000,
      'the panel did not render the history entry',
    );
    await api.responseAction('openBody');
    const editor = await waitUntil(
      () => (vscode.window.activeTextEditor?.document.isUntitled ? vscode.window.activeTextEditor : undefined),
      10_000,
      'no editor opened',
    );
    assert.equal(editor?.document.getText(), expectedText);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('copies a UTF-8 body without its byte order mark', async function () {
    await skipWhereTheClipboardCannotBeRead(this);
    await sendAndShow('/bom');
    const api = await gwhttpApi();
    await api.responseAction('copyBody');
    assert.equal(await vscode.env.clipboard.readText(), '{"name":"ünïcödé"}');
  });
});
