// UI test (level B): a send that fails (no secret key stored for the request's key id) shows in full in
// the response panel, with its action as a button (Store Secret Key…), and only one line in the
// notification; the panel's button opens the secret prompt for that key id.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';

const fileName = `ui-error-${process.pid}.gwhttp`;
const keyId = 'AKIDuiNoSecretStored00000000000001';

describe('One surface for a send error (UI)', function () {
  this.timeout(120_000);

  before(() => {
    fs.writeFileSync(
      vsx.workspacePath(fileName),
      `### Orders without a secret\n# @sign tencent-keypair id=${keyId}\nGET http://127.0.0.1:9/release/orders\n`,
    );
  });

  after(async () => {
    await vsx.page.keyboard.press('Escape');
    await vsx.runCommand('Notifications: Clear All Notifications').catch(() => undefined);
    await vsx.runCommand('View: Close All Editor Groups');
    fs.rmSync(vsx.workspacePath(fileName), { force: true });
  });

  it('shows the whole error and its action in the panel, and one line in the notification', async () => {
    await vsx.runCommand('View: Close All Editor Groups');
    await vsx.openFile(fileName);
    await vsx.waitForActivation('gwhttp.gwhttp');
    const lens = vsx.codeLens('Send Request').first();
    await lens.waitFor({ state: 'visible', timeout: 30_000 });
    await lens.click();
    const frame = await vsx.webview({ timeoutMs: 60_000 });
    const failure = frame.locator('.failure');
    await failure.waitFor({ state: 'visible', timeout: 30_000 });
    assert.equal((await failure.locator('.status-code').innerText()).trim(), 'Not sent');
    assert.ok((await failure.locator('.failure-message').innerText()).includes(keyId));
    const buttons = await failure.locator('.failure-actions button').allInnerTexts();
    assert.deepEqual(buttons, ['Store Secret Key…', 'Show Log']);
    const notice = (await vsx.waitForNotification('Orders without a secret failed', 30_000)) ?? '';
    assert.ok(!notice.includes('\n'), `one line: ${notice}`);
    assert.ok(notice.length <= 200, `short: ${notice.length} characters`);
    assert.match(notice, /Details in the response panel\.$/);
    const hint = await failure.locator('.hint').innerText();
    assert.ok(hint.length > 0 && !notice.includes(hint), 'the hint is in the panel, not in the notification');
    await vsx.screenshot('send-error-one-surface');

    await failure.locator('.failure-actions button', { hasText: 'Store Secret Key…' }).click();
    const prompt = vsx.page.locator('.quick-input-widget');
    await prompt.waitFor({ state: 'visible', timeout: 15_000 });
    assert.match(await prompt.innerText(), new RegExp(keyId));
    await vsx.screenshot('send-error-store-secret-prompt');
    await vsx.page.keyboard.press('Escape');
  });
});
