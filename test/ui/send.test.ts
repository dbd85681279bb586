// UI test (level B): click the `Send Request` lens on an example, read the status and X-RateLimit-Used
// inside the response webview, check hostile text stays inert, and keep a screenshot.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

import { demoKeyPairId, demoKeyPairSecret } from '../../src/cli/mockGateway/mockKeys';
import { type MockGateway, startMockGateway } from '../../src/cli/mockGateway/startMockGateway';
import { storeSecretThroughPalette } from './storeSecretThroughPalette';

const fileName = `ui-send-${process.pid}.gwhttp`;
const hostileFile = `ui-hostile-${process.pid}.gwhttp`;

describe('Send Request from the lens (UI)', function () {
  this.timeout(120_000);
  let gateway: MockGateway;
  let hostile: http.Server;

  before(async () => {
    gateway = await startMockGateway();
    hostile = http.createServer((_req, res) => {
      res.setHeader("X-Evil'Name", '"><img src=x onerror="window.pwned=1">');
      res.setHeader('Content-Type', 'text/html');
      res.end(
        '<html><head><style>body{display:none}</style></head><body><script>window.pwned=2</script><a href="javascript:window.pwned=3">x</a></style><img src=x onerror="window.pwned=4"></body></html>',
      );
    });
    await new Promise<void>((resolve) => hostile.listen(0, '127.0.0.1', resolve));
    fs.writeFileSync(
      vsx.workspacePath(hostileFile),
      `### Hostile page\nGET http://127.0.0.1:${(hostile.address() as AddressInfo).port}/evil\n`,
    );
    fs.writeFileSync(
      vsx.workspacePath(fileName),
      `# Example: list orders through the local mock gateway.\n### List orders\n# @sign tencent-keypair id=${demoKeyPairId}\nGET ${gateway.url}/release/orders?limit=2\nAccept: application/json\n`,
    );
  });

  after(async () => {
    // Leave the workbench as the next UI file expects it: one editor group, nothing open.
    await vsx.runCommand('View: Close All Editor Groups');
    fs.rmSync(vsx.workspacePath(fileName), { force: true });
    fs.rmSync(vsx.workspacePath(hostileFile), { force: true });
    await gateway.close();
    await new Promise<void>((resolve) => hostile.close(() => resolve()));
  });

  it('stores the demo secret through the Store Secret Key command', async () => {
    // Start from one empty editor group, whatever an earlier UI file left open (the lens clicked next
    // must be this file's).
    await vsx.runCommand('View: Close All Editor Groups');
    await vsx.openFile(fileName);
    await vsx.waitForActivation('gwhttp.gwhttp');
    await storeSecretThroughPalette(demoKeyPairId, demoKeyPairSecret);
  });

  it('clicks the Send Request lens and shows status and X-RateLimit-Used in the panel', async () => {
    const lens = vsx.codeLens('Send Request').first();
    await lens.waitFor({ state: 'visible', timeout: 30_000 });
    await lens.click();
    const frame = await vsx.webview({ timeoutMs: 60_000 });
    // The panel may still show an earlier response: wait for this request's title first.
    await frame.locator('.title', { hasText: 'List orders' }).waitFor({ state: 'visible', timeout: 60_000 });
    const status = frame.locator('.status-code');
    await status.waitFor({ state: 'visible', timeout: 60_000 });
    assert.equal((await status.innerText()).trim(), '200 OK');
    const used = (await frame.locator('.throttle-used').innerText()).trim();
    assert.match(used, /^\d+\/500$/);
    const bar = frame.locator('.bar-fill');
    assert.equal(await bar.count(), 1);
    // The "Sending…" progress (with its Cancel button) goes away once the answer is shown.
    await vsx.page
      .locator('.notification-toast', { hasText: 'Sending List orders' })
      .waitFor({ state: 'hidden', timeout: 15_000 });
    const file = await vsx.screenshot('send-request-response-panel');
    assert.ok(fs.statSync(file).size > 10_000);
  });

  it('shows the Headers tab with the throttling headers as text', async () => {
    const frame = await vsx.webview();
    await frame.locator('button[data-tab="headers"]').click();
    const table = frame.locator('table.headers');
    await table.waitFor({ state: 'visible' });
    assert.match(await table.innerText(), /X-RateLimit-Used\s+\d+\/500/);
    await vsx.screenshot('send-request-headers-tab');
  });

  it('opens the body in an editor from the panel', async () => {
    const frame = await vsx.webview();
    await frame.locator('.actions button[data-action="openBody"]').click();
    // A read-only temp file (response-<id>.json), not an untitled document that asks to be saved.
    const tab = vsx.page.locator('.tabs-container .tab.active', { hasText: /^response-\d+\.json/ });
    await tab.waitFor({ state: 'visible', timeout: 15_000 });
    const lines = vsx.page.locator('.editor-group-container.active .monaco-editor .view-lines');
    await lines.waitFor({ state: 'visible' });
    // The editor shows the whole body as sent by the mock (its echo of the request).
    assert.match(await lines.innerText(), /"path":\s*"\/release\/orders"/);
    await vsx.page
      .locator('.monaco-workbench .part.statusbar', { hasText: 'JSON' })
      .waitFor({ state: 'visible', timeout: 10_000 });
    // Close it (it is read-only, so nothing to save) so later UI files can close all editors.
    await vsx.runCommand('View: Revert and Close Editor');
    await tab.waitFor({ state: 'detached', timeout: 10_000 });
  });

  it('keeps a hostile HTML response inert: shown as source, nothing runs, the page still works', async () => {
    // Focus the editor group of the first file (click its tab) so the next file opens there, not
    // behind the response panel, and so Quick Open gets the keyboard (not the webview).
    await vsx.page.locator('.tabs-container .tab', { hasText: fileName }).first().click();
    await vsx.page.locator('.tabs-container .tab.active', { hasText: fileName }).first().waitFor({ state: 'visible' });
    await vsx.openFile(hostileFile);
    const lens = vsx.codeLens('Send Request').first();
    await lens.waitFor({ state: 'visible', timeout: 30_000 });
    await lens.click();
    const frame = await vsx.webview();
    await frame.locator('.title', { hasText: 'Hostile page' }).waitFor({ state: 'visible', timeout: 30_000 });
    await frame.locator('button[data-tab="body"]').click();
    const body = frame.locator('pre.body');
    assert.match(await body.innerText(), /<script>window\.pwned=2<\/script>/);
    assert.equal(await frame.locator('#root script, #root img, #root a, #root style').count(), 0);
    assert.equal(
      await frame.locator('body').evaluate(() => (globalThis as unknown as { pwned?: number }).pwned),
      undefined,
    );
    await frame.locator('button[data-tab="headers"]').click();
    assert.ok((await frame.locator('table.headers').innerText()).includes("X-Evil'Name"));
    assert.equal(
      await frame.locator('body').evaluate(() => (globalThis as unknown as { pwned?: number }).pwned),
      undefined,
    );
    await vsx.screenshot('hostile-response-headers');
  });
});
