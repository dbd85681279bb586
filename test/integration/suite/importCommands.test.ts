// Paste cURL as Request, Import Postman Collection… and Import OpenAPI… in the real extension host.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import * as vscode from 'vscode';

import { gwhttpExtension, waitUntil } from '../index';
import { gwhttpApi, type LocalServer, openTempGwhttp, startLocalServer } from './extensionTestUtils';

function importFixture(relativePath: string): string {
  return path.join(gwhttpExtension().extensionPath, 'test', 'fixtures', 'import', relativePath);
}

/** Copies fixtures into a fresh folder; returns the folder. */
function copyFixtures(files: string[]): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'gwhttp-import-'));
  for (const file of files) fs.copyFileSync(importFixture(file), path.join(folder, path.basename(file)));
  return folder;
}

describe('Import commands (extension host)', function () {
  this.timeout(60_000);
  let server: LocalServer;
  let arrived: { method: string; url: string; headers: Record<string, string | string[] | undefined>; body: string }[];

  before(async () => {
    await gwhttpApi();
    arrived = [];
    server = await startLocalServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        arrived.push({
          method: request.method ?? '',
          url: request.url ?? '',
          headers: request.headers,
          body: Buffer.concat(chunks).toString(),
        });
        response.setHeader('Content-Type', 'application/json');
        response.end('{"ok":true}');
      });
    });
  });
  after(() => server.close());

  it('Paste cURL as Request inserts the request at the cursor, and it sends as curl would', async () => {
    const document = await openTempGwhttp('### First\nGET http://127.0.0.1:9/unused\n');
    const editor = vscode.window.activeTextEditor!;
    const end = document.lineAt(document.lineCount - 1).range.end;
    editor.selection = new vscode.Selection(end, end);
    const curl = `curl '${server.url}/orders?page=2' \\\n  -H 'accept: application/json' \\\n  -b 'session=abc' \\\n  --data-raw $'{"sku":"A-1"}'`;
    assert.equal(await vscode.commands.executeCommand('gwhttp.pasteCurl', curl), true);
    const api = await gwhttpApi();
    const parsed = await waitUntil(
      () => {
        const current = api.documents.get(document);
        return current.requests.length === 2 ? current : null;
      },
      5000,
      'the pasted request is not in the document',
    );
    assert.ok(parsed);
    assert.equal(parsed.requests[1].method, 'POST');
    assert.equal(parsed.requests[1].url, `${server.url}/orders?page=2`);
    await vscode.commands.executeCommand('gwhttp.sendRequest', document.uri, 1);
    const request = await waitUntil(() => arrived.find((r) => r.url === '/orders?page=2'), 10_000, 'nothing arrived');
    assert.ok(request);
    assert.equal(request.method, 'POST');
    assert.equal(request.headers.cookie, 'session=abc');
    assert.equal(request.headers.accept, 'application/json');
    assert.equal(request.body, '{"sku":"A-1"}');
    assert.equal(api.lastResponseModel()?.status.code, 200);
  });

  it('Import OpenAPI… writes the request file and gwhttp.env.json beside the document and opens the file', async () => {
    const folder = copyFixtures(['openapi/petstore.yaml']);
    const done = await vscode.commands.executeCommand(
      'gwhttp.importOpenApi',
      vscode.Uri.file(path.join(folder, 'petstore.yaml')),
    );
    assert.equal(done, true);
    const written = path.join(folder, 'swagger-petstore.gwhttp');
    assert.ok(fs.existsSync(written) && fs.existsSync(path.join(folder, 'gwhttp.env.json')));
    await waitUntil(
      () => vscode.window.activeTextEditor?.document.uri.fsPath === written,
      5000,
      'the result is not open',
    );
    const api = await gwhttpApi();
    assert.equal(api.documents.get(vscode.window.activeTextEditor!.document).requests.length, 3);
  });

  it('Import Postman Collection… takes the collection and its environment export', async () => {
    const folder = copyFixtures([
      'postman/groups-api.postman_collection.json',
      'postman/groups-api-sandbox.postman_environment.json',
    ]);
    const uris = ['groups-api-sandbox.postman_environment.json', 'groups-api.postman_collection.json'].map((f) =>
      vscode.Uri.file(path.join(folder, f)),
    );
    assert.equal(await vscode.commands.executeCommand('gwhttp.importPostman', uris), true);
    const env = JSON.parse(fs.readFileSync(path.join(folder, 'gwhttp.env.json'), 'utf8')) as Record<
      string,
      Record<string, string>
    >;
    assert.equal(env['groups-api-sandbox-empty'].host, 'https://api.sandbox.transferwise.tech');
    assert.ok(
      fs.existsSync(path.join(folder, 'authentication.gwhttp')) &&
        fs.existsSync(path.join(folder, 'balance-groups-api.gwhttp')),
    );
  });

  it('a Postman file of another version is one clear message, and nothing is written', async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'gwhttp-import-'));
    const old = path.join(folder, 'old.json');
    fs.writeFileSync(
      old,
      JSON.stringify({
        info: { name: 'x', schema: 'https://schema.getpostman.com/json/collection/v2.0.0/collection.json' },
        item: [],
      }),
    );
    await vscode.commands.executeCommand('gwhttp.importPostman', vscode.Uri.file(old));
    assert.deepEqual(fs.readdirSync(folder), ['old.json']);
  });
});
