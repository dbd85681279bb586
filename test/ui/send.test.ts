// UI test (level B): click the `Send Request` lens on an example, read the status and X-RateLimit-Used
// inside the response webview, check hostile text stays inert, and keep a screenshot.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { startMockGateway, type MockGateway } from '../../src/cli/mockGateway/startMockGateway';
import { demoKeyPairId, demoKeyPairSecret } from '../../src/cli/mockGateway/mockKeys';

const fileName = `ui-send-${process.pid}.gwhttp`;

describe('Send Request from the lens (UI)', function () {
  this.timeout(120_000);
  let gateway: MockGateway;

  before(async () => {
    gateway = await startMockGateway();
    fs.writeFileSync(
      vsx.workspacePath(fileName),
      `# Example: list orders through the local mock gateway.\n### List orders\n# @sign tencent-keypair id=${demoKeyPairId}\nGET ${gateway.url}/release/orders?limit=2\nAccept: application/json\n`,
    );
  });

  after(async () => {
    fs.rmSync(vsx.workspacePath(fileName), { force: true });
    await gateway.close();
  });

  it('stores the demo secret through the Store Secret Key command', async () => {
    await vsx.openFile(fileName);
    await vsx.waitForActivation('gwhttp.gwhttp');
    await vsx.runCommand('GW HTTP: Store Secret Key…');
    const input = vsx.page.locator('.quick-input-widget input');
    // First the key id (offered from the open file), then the password box.
    await vsx.page.locator('.quick-input-list .monaco-list-row', { hasText: demoKeyPairId }).first().click();
    await input.waitFor({ state: 'visible' });
    await vsx.page.locator('.quick-input-widget input[type="password"]').waitFor({ state: 'visible' });
    await input.fill(demoKeyPairSecret);
    await input.press('Enter');
    await vsx.page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  });

  it('clicks the Send Request lens and shows status and X-RateLimit-Used in the panel', async () => {
    const lens = vsx.codeLens('Send Request').first();
    await lens.waitFor({ state: 'visible', timeout: 30_000 });
    await lens.click();
    const frame = await vsx.webview({ timeoutMs: 60_000 });
    const status = frame.locator('.status-code');
    await status.waitFor({ state: 'visible', timeout: 60_000 });
    assert.equal((await status.innerText()).trim(), '200 OK');
    const used = (await frame.locator('.throttle-used').innerText()).trim();
    assert.match(used, /^\d+\/500$/);
    const bar = frame.locator('.bar-fill');
    assert.equal(await bar.count(), 1);
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
});
