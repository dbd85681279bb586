// With REST Client installed as well (the fake humao.rest-client built from
// test/fixtures/other-http-extension): gwhttp.httpFiles `auto` steps back in .http and .rest files, so
// there is one row of Send Request lenses; `always` brings gwhttp's back; .gwhttp and Markdown stay gwhttp's.
import * as assert from 'node:assert/strict';

import * as vscode from 'vscode';

import { waitUntil } from '../index';
import { diagnosticsWhen, gwhttpApi, openTempGwhttp } from '../suite/extensionTestUtils';
import { lensesOf, setGwhttpSetting } from '../suite/requestFileKindsUtils';

const twoRequests = 'GET http://127.0.0.1:9/a\nHeader without colon\n\n###\nPOST http://127.0.0.1:9/b\n';

async function sendLensLines(document: vscode.TextDocument): Promise<number[]> {
  return (await lensesOf(document))
    .filter((lens) => lens.command?.title === 'Send Request')
    .map((lens) => lens.range.start.line)
    .sort((a, b) => a - b);
}

describe('request file kinds with REST Client installed too (extension host)', function () {
  this.timeout(60_000);

  after(() => setGwhttpSetting('httpFiles', undefined));

  it('the other extension is there and active for http files', async () => {
    const other = vscode.extensions.getExtension('humao.rest-client');
    assert.ok(other, 'the fake REST Client is not installed');
    const document = await openTempGwhttp(twoRequests, 'both.http');
    assert.equal(document.languageId, 'http');
    await waitUntil(() => other.isActive, 10_000, 'the fake REST Client did not activate');
  });

  it('auto: one row of Send Request lenses in a .http file (the other extension’s), no gwhttp diagnostics', async () => {
    const api = await gwhttpApi();
    assert.equal(api.languages.serves('http'), false);
    const document = await openTempGwhttp(twoRequests, 'auto.http');
    assert.deepEqual(await sendLensLines(document), [0, 4]);
    assert.ok(!(await lensesOf(document)).some((lens) => lens.command?.command.startsWith('gwhttp.')));
    // A .gwhttp file next to it gets its diagnostics, so the .http file had time to get some too.
    const gwhttp = await openTempGwhttp(twoRequests, 'control.gwhttp');
    await diagnosticsWhen(gwhttp.uri, (all) => all.length > 0);
    assert.deepEqual(
      vscode.languages.getDiagnostics(document.uri).filter((d) => d.source === 'gwhttp'),
      [],
    );
  });

  it('auto: .gwhttp and Markdown files keep gwhttp’s lenses', async () => {
    const gwhttp = await openTempGwhttp(twoRequests, 'still.gwhttp');
    assert.deepEqual(await sendLensLines(gwhttp), [0, 4]);
    const markdown = await openTempGwhttp('```http\nGET http://127.0.0.1:9/a\n```\n', 'still.md');
    assert.deepEqual(await sendLensLines(markdown), [1]);
  });

  it('always: gwhttp serves .http files too (both rows, as asked), and diagnostics come back', async () => {
    const api = await gwhttpApi();
    const document = await openTempGwhttp(twoRequests, 'always.http');
    await setGwhttpSetting('httpFiles', 'always');
    await waitUntil(() => api.languages.serves('http'), 5_000, 'gwhttp did not start serving http files');
    assert.deepEqual(await sendLensLines(document), [0, 0, 4, 4]);
    await diagnosticsWhen(document.uri, (all) => all.some((d) => d.source === 'gwhttp'));
    await setGwhttpSetting('httpFiles', undefined);
    await waitUntil(() => !api.languages.serves('http'), 5_000, 'auto did not step back again');
    assert.deepEqual(await sendLensLines(document), [0, 4]);
  });
});
