// The environment is resolved per file (issue 11): a selection a file's env files do not define means
// none for that file (its lens says so) and never blocks a request; a file with exactly one environment
// uses it; with several and none selected an information diagnostic offers to select one.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import * as vscode from 'vscode';

import { gwhttpExtension } from '../index';
import { diagnosticsWhen, gwhttpApi, type LocalServer, startLocalServer } from './extensionTestUtils';

/** A temp folder holding `files` (name → text); returns its path. */
function folderWith(files: Record<string, string>): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'gwhttp-env-'));
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(folder, name), text);
  return folder;
}

async function open(file: string): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument(file);
  await vscode.window.showTextDocument(document);
  return document;
}

async function environmentLens(document: vscode.TextDocument): Promise<string | undefined> {
  const lenses =
    (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri)) ?? [];
  return lenses.map((lens) => lens.command?.title).find((title) => title?.startsWith('Environment:'));
}

describe('Environment per file (extension host)', function () {
  this.timeout(60_000);
  let server: LocalServer;
  const received: string[] = [];
  let only: string;
  let several: string;
  let without: string;

  before(async () => {
    await gwhttpApi();
    server = await startLocalServer((request, response) => {
      received.push(`${request.method} ${request.url}`);
      response.writeHead(200, { 'Content-Type': 'text/plain' }).end('ok');
    });
    const uses = 'GET {{base}}/from-env\n';
    only = folderWith({ 'gwhttp.env.json': JSON.stringify({ local: { base: server.url } }), 'a.gwhttp': uses });
    several = folderWith({
      'gwhttp.env.json': JSON.stringify({ dev: { base: server.url }, prod: { base: 'http://prod.invalid' } }),
      'b.gwhttp': uses,
    });
    without = folderWith({ 'c.gwhttp': `GET ${server.url}/plain\n` });
  });

  afterEach(() => vscode.commands.executeCommand('gwhttp.selectEnvironment', null));
  after(() => server.close());

  it('sends a request of another folder while an environment it does not define is selected', async () => {
    await vscode.commands.executeCommand('gwhttp.selectEnvironment', 'local');
    const plain = await open(path.join(without, 'c.gwhttp'));
    received.length = 0;
    await vscode.commands.executeCommand('gwhttp.sendRequest', plain.uri, 0);
    assert.deepEqual(received, ['GET /plain']);
    assert.equal(await environmentLens(plain), 'Environment: none (local is not defined for this file)');
    const other = await open(path.join(several, 'b.gwhttp'));
    assert.equal(await environmentLens(other), 'Environment: none (local is not defined for this file)');
    const selected = await open(path.join(only, 'a.gwhttp'));
    assert.equal(await environmentLens(selected), 'Environment: local');
  });

  it('uses the only environment of a file without a selection, so the examples open without errors', async () => {
    const document = await open(path.join(only, 'a.gwhttp'));
    assert.equal(await environmentLens(document), 'Environment: local (the only one)');
    received.length = 0;
    await vscode.commands.executeCommand('gwhttp.sendRequest', document.uri, 0);
    assert.deepEqual(received, ['GET /from-env']);
    const examples = await open(path.join(gwhttpExtension().extensionPath, 'examples', 'requests.gwhttp'));
    await (await gwhttpApi()).diagnostics.update(examples);
    const errors = vscode.languages
      .getDiagnostics(examples.uri)
      .filter((diagnostic) => diagnostic.severity === vscode.DiagnosticSeverity.Error);
    assert.deepEqual(
      errors.map((diagnostic) => diagnostic.message),
      [],
    );
  });

  it('offers to select an environment when a file has several and none is selected', async () => {
    const document = await open(path.join(several, 'b.gwhttp'));
    const [info] = await diagnosticsWhen(document.uri, (diagnostics) => diagnostics.length > 0);
    assert.equal(info.severity, vscode.DiagnosticSeverity.Information);
    assert.equal(info.code, 'environment-not-selected');
    assert.match(info.message, /No environment is selected: \{\{base\}\} comes from its environments \(dev, prod\)/);
    const actions =
      (await vscode.commands.executeCommand<vscode.CodeAction[]>(
        'vscode.executeCodeActionProvider',
        document.uri,
        info.range,
      )) ?? [];
    const select = actions.find((action) => action.title === 'Select environment "dev"');
    assert.ok(select?.command, actions.map((action) => action.title).join(' | '));
    await vscode.commands.executeCommand(select.command.command, ...(select.command.arguments ?? []));
    await diagnosticsWhen(document.uri, (diagnostics) => diagnostics.length === 0);
    assert.equal(await environmentLens(document), 'Environment: dev');
  });
});
