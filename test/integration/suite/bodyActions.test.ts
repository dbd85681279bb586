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

/** The editor Open in Editor showed: a temp file of gwhttp's, opened read-only. */
async function bodyEditor(): Promise<vscode.TextEditor> {
  const editor = await waitUntil<vscode.TextEditor | undefined>(
    () => {
      const editor = vscode.window.activeTextEditor;
      return editor?.document.uri.fsPath.includes('gwhttp-bodies-') ? editor : undefined;
    },
    20_000,
    'no body editor opened',
  );
  return editor!;
}

/** A JSON array of `count` objects, ~100 bytes each. */
function largeJson(count: number): Buffer {
  const items = Array.from(
    { length: count },
    (_, index) => `{"id":${index},"name":"item ${index}","pad":"${'x'.repeat(60)}"}`,
  );
  return Buffer.from(`[${items.join(',\n')}]`);
}

/** "café £5 — ok" in ISO-8859-1 would lose the dash; windows-1252 has it (0x97). */
const windows1252 = Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x20, 0xa3, 0x35, 0x20, 0x97, 0x20, 0x6f, 0x6b]);
const expectedText = 'café £5 — ok';

describe('Response body actions (extension host)', function () {
  this.timeout(60_000);
  let server: LocalServer;
  let url: string;
  const large = largeJson(100_000);

  before(async () => {
    server = await startLocalServer((request, response) => {
      if (request.url === '/large') {
        response.setHeader('Content-Type', 'application/json');
        response.end(large);
        return;
      }
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
    const editor = await bodyEditor();
    assert.equal(editor.document.getText(), expectedText);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
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
    const editor = await bodyEditor();
    assert.equal(editor.document.getText(), expectedText);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('opens a body too large for the panel at once as a read-only document that closes without asking to save', async () => {
    await sendAndShow('/large');
    const api = await gwhttpApi();
    assert.equal(api.lastResponseModel()?.body.kind, 'tooLarge');
    await api.responseAction('openBody');
    const editor = await bodyEditor();
    const document = editor.document;
    assert.equal(document.isUntitled, false, 'an untitled document asks to be saved on close');
    assert.equal(document.isDirty, false);
    assert.equal(document.uri.scheme, 'file');
    assert.equal(document.languageId, 'json');
    assert.equal(Buffer.byteLength(document.getText()), large.length);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    assert.ok(!vscode.window.visibleTextEditors.some((shown) => shown.document === document));
  });

  it('copies a UTF-8 body without its byte order mark', async function () {
    await skipWhereTheClipboardCannotBeRead(this);
    await sendAndShow('/bom');
    const api = await gwhttpApi();
    await api.responseAction('copyBody');
    assert.equal(await vscode.env.clipboard.readText(), '{"name":"ünïcödé"}');
  });
});
