// UI test (level B): with a wrong secret stored, clicking `Send Request` shows the gateway's rejection
// and gwhttp's explanation card (cause, fix, the local signing string) in the response panel.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';

import { demoAppKeyId } from '../../src/cli/mockGateway/mockKeys';
import { type MockGateway, startMockGateway } from '../../src/cli/mockGateway/startMockGateway';
import { storeSecretThroughPalette } from './storeSecretThroughPalette';

const fileName = `ui-explain-${process.pid}.gwhttp`;

describe('A gateway rejection explained in the panel (UI)', function () {
  this.timeout(120_000);
  let gateway: MockGateway;

  before(async () => {
    gateway = await startMockGateway();
    fs.writeFileSync(
      vsx.workspacePath(fileName),
      `### Search items (app auth)\n# @sign tencent-app id=${demoAppKeyId}\nGET ${gateway.url}/release/items?q=lamp\nAccept: application/json\n`,
    );
  });

  after(async () => {
    // Leave the workbench as the next UI file expects it: one editor group, nothing open.
    await vsx.runCommand('View: Close All Editor Groups');
    fs.rmSync(vsx.workspacePath(fileName), { force: true });
    await gateway.close();
  });

  it('shows 401 with the cause, the fix and the local signing string', async () => {
    await vsx.openFile(fileName);
    await vsx.waitForActivation('gwhttp.gwhttp');
    await storeSecretThroughPalette(demoAppKeyId, 'not-the-right-secret');
    const lens = vsx.codeLens('Send Request').first();
    await lens.waitFor({ state: 'visible', timeout: 30_000 });
    await lens.click();
    const frame = await vsx.webview({ timeoutMs: 60_000 });
    const card = frame.locator('details.explanation');
    await card.waitFor({ state: 'visible', timeout: 60_000 });
    assert.match((await frame.locator('.status-code').innerText()).trim(), /^401\b/);
    const text = await card.innerText();
    assert.match(text, /signature does not match/i);
    assert.match(text, /Fix:/);
    assert.ok(text.includes(demoAppKeyId), 'the key id is shown');
    assert.match(text, /x-date:/i, 'the local signing string is shown');
    assert.ok(!text.includes('not-the-right-secret'), 'the secret never reaches the panel');
    await vsx.page.locator('.notification-toast', { hasText: 'Sending' }).waitFor({ state: 'hidden', timeout: 15_000 });
    await vsx.screenshot('gateway-rejection-explained');
  });
});
