// `.http` and `.rest` files (language `http`) and Markdown files in the real extension host: lenses,
// diagnostics, outline, one click sending to the mock gateway, and the gwhttp.httpFiles / gwhttp.markdown
// settings. (With a REST Client installed too: test/integration/otherHttpExtension.)
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

import * as vscode from 'vscode';

import { httpFileOf, markdownOf } from '../../../bench/requestFileTexts';
import { demoKeyPairId, demoKeyPairSecret } from '../../../src/cli/mockGateway/mockKeys';
import { type MockGateway, startMockGateway } from '../../../src/cli/mockGateway/startMockGateway';
import { gwhttpExtension, waitUntil } from '../index';
import { diagnosticsWhen, gwhttpApi, openTempGwhttp } from './extensionTestUtils';
import { clickLens, lensesOf, setGwhttpSetting } from './requestFileKindsUtils';

const seedKeyId = 'AKIDCgXXXXXXXX48pN';
const seedSecret = 'seed-page-secret-for-the-host-test-0001';

function signedHttp(url: string): string {
  return `@base = ${url}\n\n### List orders\n# @name list\n# @sign tencent-keypair id=${demoKeyPairId}\nGET {{base}}/release/orders\nAccept: application/json\n\n### Broken\nGET {{base}}/x\nHeader without colon\n`;
}

/** The seed page as a user saves it, with its sample's address pointed at the mock gateway. */
function seedPage(gatewayUrl: string): string {
  const file = path.join(gwhttpExtension().extensionPath, 'test', 'fixtures', 'markdown', 'seed-keypair-doc.md');
  return fs.readFileSync(file, 'utf8').replace(/http:\/\/service-[^\s<]*\/release/, `${gatewayUrl}/release`);
}

describe('request file kinds: .http, .rest and Markdown (extension host)', function () {
  this.timeout(60_000);
  let gateway: MockGateway;

  before(async () => {
    gateway = await startMockGateway({
      keys: [
        { id: demoKeyPairId, secret: demoKeyPairSecret },
        { id: seedKeyId, secret: seedSecret },
      ],
    });
    await gwhttpApi();
    await vscode.commands.executeCommand('gwhttp.storeSecret', demoKeyPairId, demoKeyPairSecret);
    await vscode.commands.executeCommand('gwhttp.storeSecret', seedKeyId, seedSecret);
  });

  after(async () => {
    await vscode.commands.executeCommand('gwhttp.forgetSecret', demoKeyPairId);
    await vscode.commands.executeCommand('gwhttp.forgetSecret', seedKeyId);
    await setGwhttpSetting('httpFiles', undefined);
    await setGwhttpSetting('markdown', undefined);
    await gateway.close();
  });

  it('a .http file is language http with lenses, diagnostics and outline; one click shows 200 and the throttling card', async () => {
    const api = await gwhttpApi();
    const document = await openTempGwhttp(signedHttp(gateway.url), 'orders.http');
    assert.equal(document.languageId, 'http');
    assert.equal(api.languages.serves('http'), true);
    const lenses = await lensesOf(document);
    assert.deepEqual(
      lenses.filter((lens) => lens.command?.title === 'Send Request').map((lens) => lens.range.start.line),
      [5, 9],
    );
    assert.ok(lenses.some((lens) => lens.command?.title === 'Preview Signature' && lens.range.start.line === 5));
    const diagnostics = await diagnosticsWhen(document.uri, (all) => all.some((d) => d.source === 'gwhttp'));
    assert.deepEqual([...new Set(diagnostics.map((d) => d.range.start.line))], [10]);
    const symbols =
      (await vscode.commands.executeCommand<vscode.DocumentSymbol[]>(
        'vscode.executeDocumentSymbolProvider',
        document.uri,
      )) ?? [];
    assert.ok(symbols.length >= 2, `outline: ${symbols.map((s) => s.name).join(', ')}`);
    await clickLens(lenses, 'Send Request', 5);
    const model = api.lastResponseModel();
    assert.equal(model?.status.code, 200);
    assert.match(model?.throttle?.usedRaw ?? '', /^\d+\/500$/);
    await waitUntil(() => api.lastRendered()?.modelId === model?.id, 15_000, 'the panel did not render');
    assert.equal(api.lastRendered()?.statusText, '200 OK');
  });

  it('a .rest file is served the same way and sends', async () => {
    const api = await gwhttpApi();
    const document = await openTempGwhttp(
      `# @sign tencent-keypair id=${demoKeyPairId}\nGET ${gateway.url}/release/ping\n`,
      'ping.rest',
    );
    assert.equal(document.languageId, 'http');
    const lenses = await lensesOf(document);
    await clickLens(lenses, 'Send Request', 1);
    assert.equal(api.lastResponseModel()?.status.code, 200);
    assert.equal(api.lastResponseModel()?.request.url, `${gateway.url}/release/ping`);
  });

  it('a README.md with a ```http block: the lens sits on the request line, diagnostics stay inside blocks', async () => {
    const api = await gwhttpApi();
    const readme = [
      '# Orders service', // 0
      '',
      'GET http://not-a-request.invalid/ in prose',
      '',
      '```http', // 4
      `# @sign tencent-keypair id=${demoKeyPairId}`,
      `POST ${gateway.url}/release/orders`, // 6
      'Content-Type: application/json',
      '',
      '{"qty": 1}',
      '```',
      '',
      '```rest',
      'GET http://127.0.0.1:9/bad', // 13
      'Header without colon', // 14
      '```',
      '',
      '```http', // 17: never closed
      'GET http://127.0.0.1:9/tail', // 18
    ].join('\n');
    const document = await openTempGwhttp(readme, 'README.md');
    assert.equal(document.languageId, 'markdown');
    const lenses = await lensesOf(document);
    assert.deepEqual(
      lenses.filter((lens) => lens.command?.title === 'Send Request').map((lens) => lens.range.start.line),
      [6, 13, 18],
    );
    const diagnostics = await diagnosticsWhen(document.uri, (all) => all.some((d) => d.source === 'gwhttp'));
    const unterminated = diagnostics.find((d) => d.code === 'unterminated-fence');
    assert.equal(unterminated?.range.start.line, 17);
    assert.match(unterminated?.message ?? '', /no closing ``` line, so it runs to the end of the file \(line 19\)/);
    assert.deepEqual(
      [...new Set(diagnostics.filter((d) => d.source === 'gwhttp').map((d) => d.range.start.line))].sort(),
      [14, 17],
    );
    await clickLens(lenses, 'Send Request', 6);
    const model = api.lastResponseModel();
    assert.equal(model?.status.code, 200);
    assert.equal(model?.signature?.keyId, demoKeyPairId);
    assert.ok(model?.throttle, 'no throttling card');
    // Send Request at the cursor: nothing from the prose between blocks, the block's request inside one.
    const editor = await vscode.window.showTextDocument(document);
    editor.selection = new vscode.Selection(2, 3, 2, 3);
    await vscode.commands.executeCommand('gwhttp.sendRequest');
    assert.equal(api.lastResponseModel()?.id, model?.id, 'the prose line sent a request');
    editor.selection = new vscode.Selection(7, 0, 7, 0);
    await vscode.commands.executeCommand('gwhttp.sendRequest');
    assert.notEqual(api.lastResponseModel()?.id, model?.id);
    assert.equal(api.lastResponseModel()?.status.code, 200);
  });

  it('the seed page saved as .md offers Send and Preview Signature for its sample call, which the gateway accepts', async () => {
    const api = await gwhttpApi();
    const text = seedPage(gateway.url);
    const document = await openTempGwhttp(text, 'key-pair-authentication.md');
    const addressLine = text.split('\n').indexOf('#### Address');
    const lenses = await lensesOf(document);
    assert.deepEqual(
      lenses.filter((lens) => lens.command?.title === 'Send Request').map((lens) => lens.range.start.line),
      [addressLine],
    );
    assert.ok(lenses.some((lens) => lens.command?.title === 'Preview Signature'));
    await clickLens(lenses, 'Send Request', addressLine);
    const model = api.lastResponseModel();
    assert.equal(model?.status.code, 200, JSON.stringify(model?.explanation ?? model?.status));
    assert.equal(model?.signature?.keyId, seedKeyId);
    assert.equal(model?.throttle?.secretId, seedKeyId);
    assert.ok(!JSON.stringify(model).includes(seedSecret));
  });

  it('gwhttp.httpFiles never leaves .http files alone; gwhttp.markdown false removes Markdown lenses', async () => {
    const api = await gwhttpApi();
    const http = await openTempGwhttp(`GET ${gateway.url}/a\nHeader without colon\n`, 'settings.http');
    await diagnosticsWhen(http.uri, (all) => all.length > 0);
    await setGwhttpSetting('httpFiles', 'never');
    await waitUntil(() => !api.languages.serves('http'), 5_000, 'http files still served');
    assert.equal((await lensesOf(http)).length, 0);
    await diagnosticsWhen(http.uri, (all) => all.length === 0);
    await setGwhttpSetting('httpFiles', undefined);
    await waitUntil(() => api.languages.serves('http'), 5_000, 'http files not served again');
    assert.ok((await lensesOf(http)).length > 0);
    const markdown = await openTempGwhttp(`\`\`\`http\nGET ${gateway.url}/a\n\`\`\`\n`, 'toggle.md');
    assert.ok((await lensesOf(markdown)).length > 0);
    await setGwhttpSetting('markdown', false);
    await waitUntil(() => !api.languages.serves('markdown'), 5_000, 'markdown still served');
    assert.equal((await lensesOf(markdown)).length, 0);
    await setGwhttpSetting('markdown', undefined);
  });

  it('measures lenses and diagnostics on a 5,000-request .http file and a 2 MB Markdown file', async function () {
    // Figures only (printed, never asserted); a 2 MB Markdown file also keeps VS Code's own Markdown support busy.
    this.timeout(300_000);
    const api = await gwhttpApi();
    // The controller's own debounced pass (with the environment's names) must not run between the rounds.
    await setGwhttpSetting('diagnosticsDelayMs', 600_000);
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)].toFixed(1);
    const cases: [string, string, string][] = [
      ['big.http', httpFileOf(5000), 'POST http'],
      ['big.md', markdownOf(2 * 1024 * 1024), '## Endpoint 0'],
      ['big.md', markdownOf(2 * 1024 * 1024), 'GET http'],
    ];
    for (const [name, text, editedLine] of cases) {
      const document = await openTempGwhttp(text, name);
      const editor = await vscode.window.showTextDocument(document);
      const line = text.split('\n').findIndex((each) => each.startsWith(editedLine));
      const times = { parse: [] as number[], diagnostics: [] as number[], lenses: [] as number[] };
      let reused = 0;
      for (let round = 0; round < 5; round++) {
        const before = api.documents.get(document);
        await editor.edit((edit) => edit.insert(new vscode.Position(line, document.lineAt(line).text.length), 'x'));
        let started = performance.now();
        if (api.documents.get(document) === before) reused++;
        times.parse.push(performance.now() - started);
        started = performance.now();
        api.diagnostics.compute(document, new Set(['host']));
        times.diagnostics.push(performance.now() - started);
        started = performance.now();
        await api.codeLenses.provideCodeLenses(document);
        times.lenses.push(performance.now() - started);
      }
      const count = api.documents.get(document).requests.length;
      console.log(
        `    [measure] ${name} (${(text.length / 1048576).toFixed(2)} MB, ${count} requests), typing on a line starting "${editedLine}", per update, median of 5 (ms): parse ${median(times.parse)}, diagnostics (parse cached) ${median(times.diagnostics)}, lenses (parse cached) ${median(times.lenses)}; parse reused ${reused}/5; activation ${api.activationMs.toFixed(2)} ms`,
      );
      assert.ok(count > 3000, `${name}: ${count} requests`);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
    await setGwhttpSetting('diagnosticsDelayMs', undefined);
  });
});
