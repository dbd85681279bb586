// UI test (level B): a real "Developer: Reload Window" brings the response panel back, rendered from the
// state the webview saved, on the tab the user had chosen; its body actions then say to send again.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

const fileName = `ui-restore-${process.pid}.gwhttp`;

describe('Response panel after Reload Window (UI)', function () {
  this.timeout(180_000);
  let server: http.Server;

  before(async () => {
    server = http.createServer((_req, res) => {
      res.writeHead(200, {
        'Content-Type': 'application/json',
        'X-RateLimit-Limit': '125',
        'X-RateLimit-Used': '7/125',
      });
      res.end(JSON.stringify({ restored: 'yes', items: [1, 2, 3] }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    fs.writeFileSync(
      vsx.workspacePath(fileName),
      `### Kept across reloads\nGET http://127.0.0.1:${(server.address() as AddressInfo).port}/kept\n`,
    );
  });

  after(async () => {
    // Leave the workbench as the next UI file expects it: one editor group, nothing open.
    await vsx.runCommand('View: Close All Editor Groups');
    fs.rmSync(vsx.workspacePath(fileName), { force: true });
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('restores the last response in its panel after a reload, on the same tab, and says to send again for Save Body', async () => {
    // Through the Explorer: Quick Open's file list may still be the one cached before this file was written.
    const row = vsx.page.locator('.explorer-folders-view .monaco-list-row', { hasText: fileName }).first();
    await row.waitFor({ state: 'visible', timeout: 30_000 });
    await row.click();
    await vsx.page.locator('.tabs-container .tab.active', { hasText: fileName }).waitFor({ state: 'visible' });
    await vsx.waitForActivation('gwhttp.gwhttp');
    const lens = vsx.codeLens('Send Request').first();
    await lens.waitFor({ state: 'visible', timeout: 30_000 });
    await lens.click();
    let frame = await vsx.webview({ timeoutMs: 60_000 });
    await frame.locator('.title', { hasText: 'Kept across reloads' }).waitFor({ state: 'visible', timeout: 60_000 });
    await frame.locator('button[data-tab="headers"]').click();
    await frame.locator('table.headers').waitFor({ state: 'visible' });

    const reloaded = vsx.page.waitForEvent('framenavigated', {
      predicate: (navigated) => navigated === vsx.page.mainFrame(),
      timeout: 60_000,
    });
    await vsx.runCommand('Developer: Reload Window');
    await reloaded;
    await vsx.page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 60_000 });

    frame = await vsx.webview({ timeoutMs: 90_000 });
    await frame.locator('.title', { hasText: 'Kept across reloads' }).waitFor({ state: 'visible', timeout: 90_000 });
    assert.equal((await frame.locator('.status-code').innerText()).trim(), '200 OK');
    assert.equal((await frame.locator('.throttle-used').innerText()).trim(), '7/125');
    await frame
      .locator('button[data-tab="headers"][aria-selected="true"]')
      .waitFor({ state: 'visible', timeout: 30_000 });
    assert.match(await frame.locator('table.headers').innerText(), /X-RateLimit-Used\s+7\/125/);
    // The host took the panel over again: its note arrives by postMessage after the shell loaded.
    await frame
      .locator('p.note', { hasText: 'Restored after a window reload' })
      .waitFor({ state: 'visible', timeout: 30_000 });
    await vsx.screenshot('panel-restored-after-reload');

    await frame.locator('.actions button[data-action="saveBody"]').click();
    const notice = await vsx.waitForNotification('Send the request again to save the body', 15_000);
    assert.match(notice ?? '', /restored after a window reload/);
  });
});
