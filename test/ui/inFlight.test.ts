// UI test (level B): while a request is on the wire (a slow loopback server holds it) the panel shows
// it instead of the previous response: the request line, a running elapsed time and Cancel. Cancel
// aborts it (the server sees the connection close); the next answer replaces the in-flight state.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

const fileName = `ui-inflight-${process.pid}.gwhttp`;

describe('The in-flight state of the panel (UI)', function () {
  this.timeout(120_000);
  let server: http.Server;
  let url = '';
  const held: http.ServerResponse[] = [];
  let aborted = 0;

  before(async () => {
    server = http.createServer((request, response) => {
      request.on('close', () => {
        if (!response.writableEnded) aborted++;
      });
      held.push(response);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    fs.writeFileSync(
      vsx.workspacePath(fileName),
      ['@base = ' + url, '', '### Slow order', 'GET {{base}}/slow/orders/7', 'Accept: application/json', ''].join('\n'),
    );
  });

  after(async () => {
    await vsx.runCommand('View: Close All Editor Groups');
    fs.rmSync(vsx.workspacePath(fileName), { force: true });
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  async function send(): Promise<void> {
    await vsx.page.locator('.tabs-container .tab', { hasText: fileName }).first().click();
    const lens = vsx.codeLens('Send Request').first();
    await lens.waitFor({ state: 'visible', timeout: 30_000 });
    await lens.click();
  }

  it('shows the request line, a running time and Cancel while the server holds the request', async () => {
    await vsx.runCommand('View: Close All Editor Groups');
    await vsx.openFile(fileName);
    await vsx.waitForActivation('gwhttp.gwhttp');
    await send();
    const frame = await vsx.webview({ timeoutMs: 60_000 });
    const pending = frame.locator('.pending');
    await pending.waitFor({ state: 'visible', timeout: 30_000 });
    assert.equal((await pending.locator('.request-line').innerText()).trim(), `GET ${url}/slow/orders/7`);
    assert.equal((await pending.locator('.status-line .title').innerText()).trim(), 'Slow order');
    const first = await pending.locator('.elapsed').innerText();
    await frame.locator('.elapsed').filter({ hasNotText: first }).waitFor({ timeout: 10_000 });
    await vsx.page.locator('.tabs-container .tab', { hasText: 'Sending: Slow order' }).waitFor({ state: 'visible' });
    // A send still running after 0.7 s gets the cancellable progress notification.
    const toast = vsx.page.locator('.notification-toast', { hasText: 'Sending Slow order' });
    await toast.waitFor({ state: 'visible', timeout: 10_000 });
    assert.equal(await toast.locator('.monaco-button', { hasText: 'Cancel' }).count(), 1);
    await vsx.screenshot('panel-in-flight');
    await pending.locator('button[data-action="cancel"]').click();
    await frame.locator('.failure-message', { hasText: 'Cancelled: no response.' }).waitFor({ timeout: 30_000 });
    const start = Date.now();
    while (aborted === 0 && Date.now() - start < 10_000) await new Promise((resolve) => setTimeout(resolve, 100));
    assert.equal(aborted, 1, 'the server saw the request go away');
    await vsx.screenshot('panel-in-flight-cancelled');
  });

  it('replaces the in-flight state with the response when it comes', async () => {
    await send();
    const frame = await vsx.webview();
    await frame.locator('.pending').waitFor({ state: 'visible', timeout: 30_000 });
    const response = held[held.length - 1];
    response.setHeader('Content-Type', 'application/json');
    response.end('{"id":7,"state":"shipped"}');
    await frame
      .locator('.status-line .title', { hasText: 'Slow order' })
      .waitFor({ state: 'visible', timeout: 30_000 });
    assert.equal((await frame.locator('.status-code').innerText()).trim(), '200 OK');
    assert.equal(await frame.locator('.pending').count(), 0);
    await vsx.page
      .locator('.tabs-container .tab', { hasText: 'Response 200: Slow order' })
      .waitFor({ state: 'visible' });
  });
});
