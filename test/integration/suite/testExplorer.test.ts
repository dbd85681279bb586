// The Test Explorer (VS Code Testing API) in the real extension host: discovery, runs, cancellation, edits.
import * as assert from 'node:assert/strict';
import type * as http from 'node:http';

import * as vscode from 'vscode';

import { waitUntil } from '../index';
import { gwhttpApi, type LocalServer, openTempGwhttp, startLocalServer } from './extensionTestUtils';

/** The Test Explorer's item of an open request file, once the controller has made it. */
async function fileItemOf(document: vscode.TextDocument): Promise<vscode.TestItem> {
  const api = await gwhttpApi();
  const item = await waitUntil(
    () => api.tests.controller.items.get(document.uri.toString()),
    10_000,
    `no test item for ${document.uri.fsPath}`,
  );
  assert.ok(item);
  return item;
}

describe('Test Explorer: requests as tests (extension host)', function () {
  this.timeout(60_000);
  let server: LocalServer;
  let slowAnswers: http.ServerResponse[] = [];

  before(async () => {
    server = await startLocalServer((request, response) => {
      if (request.url === '/slow') {
        slowAnswers.push(response);
        return;
      }
      response.setHeader('Content-Type', 'application/json');
      response.statusCode = request.url === '/broken' ? 500 : 200;
      response.end('{"id":7}');
    });
  });
  after(async () => {
    for (const response of slowAnswers) response.end();
    slowAnswers = [];
    await server.close();
  });

  it("finds every request file of the workspace, and a file's requests in file order", async () => {
    const api = await gwhttpApi();
    const { controller } = api.tests;
    await controller.resolveHandler?.(undefined);
    const files = await vscode.workspace.findFiles('**/*.gwhttp', '**/node_modules/**');
    assert.ok(files.length > 0);
    for (const uri of files) assert.ok(controller.items.get(uri.toString()), `an item for ${uri.fsPath}`);
    const sample = files.find((uri) => uri.fsPath.endsWith('sample.gwhttp'))!;
    const item = controller.items.get(sample.toString())!;
    await controller.resolveHandler?.(item);
    const document = await vscode.workspace.openTextDocument(sample);
    const parsed = api.documents.get(document);
    const children: vscode.TestItem[] = [];
    item.children.forEach((child) => children.push(child));
    assert.equal(children.length, parsed.requests.length);
    children.sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? ''));
    assert.deepEqual(
      children.map((child) => child.range?.start.line),
      parsed.requests.map((request) => request.line - 1),
    );
  });

  it('runs a file: a pass, a failed ?? check as a diff at its line, a non-2xx, and an unreachable server', async () => {
    const api = await gwhttpApi();
    const document = await openTempGwhttp(
      [
        '### fine',
        `GET ${server.url}/one`,
        '?? status == 200',
        '',
        '### wrong id',
        `GET ${server.url}/two`,
        '?? body $.id == 8',
        '',
        '### broken',
        `GET ${server.url}/broken`,
        '',
        '### nowhere',
        'GET http://127.0.0.1:9/none',
        '',
      ].join('\n'),
      'tests.gwhttp',
    );
    const file = await fileItemOf(document);
    assert.equal(file.children.size, 4);
    const source = new vscode.CancellationTokenSource();
    await api.tests.runItems([file], source.token);
    const states = [0, 1, 2, 3].map((index) => api.tests.lastRun.get(`${document.uri.toString()}#${index}`));
    assert.deepEqual(
      states.map((state) => state?.state),
      ['passed', 'failed', 'failed', 'errored'],
    );
    assert.deepEqual(states[1]?.messages, [
      { text: '?? body $.id == 8: expected body $.id == 8, got 7', line: 7, expected: '8', actual: '7' },
    ]);
    assert.match(states[2]?.messages[0].text ?? '', /^HTTP 500 Internal Server Error: not a 2xx status/);
    assert.equal(states[2]?.messages[0].line, 10);
    assert.match(states[3]?.messages[0].text ?? '', /127\.0\.0\.1:9/);
    assert.ok((states[0]?.durationMs ?? -1) >= 0, 'a duration is recorded');
  });

  it('runs one request with the request it depends on, and stops at once when cancelled', async () => {
    const api = await gwhttpApi();
    const document = await openTempGwhttp(
      [
        '# @name first',
        `GET ${server.url}/one`,
        '',
        '###',
        `GET ${server.url}/two?id={{first.response.body.$.id}}`,
        '',
        '###',
        `GET ${server.url}/slow`,
        '',
      ].join('\n'),
      'chained.gwhttp',
    );
    const file = await fileItemOf(document);
    const second = file.children.get(`${document.uri.toString()}#1`)!;
    await api.tests.runItems([second], new vscode.CancellationTokenSource().token);
    assert.equal(api.tests.lastRun.get(second.id)?.state, 'passed');
    assert.equal(api.tests.lastRun.get(`${document.uri.toString()}#0`)?.state, 'passed', 'its dependency ran too');

    const slow = file.children.get(`${document.uri.toString()}#2`)!;
    const source = new vscode.CancellationTokenSource();
    const started = Date.now();
    const running = api.tests.runItems([slow], source.token);
    await waitUntil(() => slowAnswers.length > 0, 10_000, 'the slow request never arrived');
    source.cancel();
    await running;
    assert.ok(Date.now() - started < 10_000, 'the run ended on cancel');
    assert.notEqual(api.tests.lastRun.get(slow.id)?.state, 'passed');
  });

  it("keeps a file's items in step with its edits", async () => {
    const document = await openTempGwhttp(`GET ${server.url}/one\n`, 'edited.gwhttp');
    const file = await fileItemOf(document);
    assert.equal(file.children.size, 1);
    const editor = await vscode.window.showTextDocument(document);
    await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), `### added\nGET ${server.url}/two\n\n###\n`));
    await waitUntil(() => file.children.size === 2, 10_000, 'the added request has no item');
    const labels: string[] = [];
    file.children.forEach((child) => labels.push(child.label));
    assert.ok(labels.includes('added'));
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
