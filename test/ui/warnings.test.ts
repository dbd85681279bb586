// UI test (level B): a signed request to a gateway whose clock is 8 minutes behind and whose quota is
// nearly used up shows both warnings in the response panel, above the tabs; a screenshot is kept.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

import { storeSecretThroughPalette } from './storeSecretThroughPalette';

const fileName = `ui-warnings-${process.pid}.gwhttp`;
const keyId = 'AKIDuiWarnings000000000000000001';

describe('Clock and quota warnings in the panel (UI)', function () {
  this.timeout(120_000);
  let server: http.Server;

  before(async () => {
    server = http.createServer((_request, response) => {
      response.setHeader('Date', new Date(Date.now() - 8 * 60_000).toUTCString());
      response.setHeader('X-RateLimit-Limit', '500');
      response.setHeader('X-RateLimit-Used', '124/125');
      response.setHeader('X-UsagePlan-ID', 'usagePlan-ui');
      response.setHeader('Content-Type', 'application/json');
      response.end('{"items":[]}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    fs.writeFileSync(
      vsx.workspacePath(fileName),
      [
        '### Items near the quota',
        `# @sign tencent-keypair id=${keyId}`,
        `GET ${url}/release/items`,
        'Accept: application/json',
        '',
        '?? status == 200',
        '?? header content-type includes json',
        '?? body $.items isArray',
        '?? body $.total == 3',
        '',
      ].join('\n'),
    );
  });

  after(async () => {
    await vsx.runCommand('View: Close All Editor Groups');
    fs.rmSync(vsx.workspacePath(fileName), { force: true });
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('shows the clock drift and the quota warning above the tabs, and the assertions card', async () => {
    // Start from one empty editor group, whatever an earlier UI file left open (the lens clicked next
    // must be this file's).
    await vsx.runCommand('View: Close All Editor Groups');
    await vsx.openFile(fileName);
    await vsx.waitForActivation('gwhttp.gwhttp');
    await storeSecretThroughPalette(keyId, 'any-secret-the-test-server-does-not-check');
    const lens = vsx.codeLens('Send Request').first();
    await lens.waitFor({ state: 'visible', timeout: 30_000 });
    await lens.click();
    const frame = await vsx.webview({ timeoutMs: 60_000 });
    await frame.locator('.title', { hasText: 'Items near the quota' }).waitFor({ state: 'visible', timeout: 60_000 });
    const warnings = frame.locator('p.warning');
    await warnings.first().waitFor({ state: 'visible', timeout: 30_000 });
    assert.equal(await warnings.count(), 2);
    assert.match(await warnings.nth(0).innerText(), /The local clock is \d+ min \d+ s ahead of the gateway/);
    assert.match(await warnings.nth(1).innerText(), /usagePlan-ui is nearly used up: 124\/125 used, 1 left/);
    assert.equal((await frame.locator('.throttle-used').innerText()).trim(), '124/125');
    const card = frame.locator('details.assertions');
    assert.match(await card.locator('h2').innerText(), /Assertions: 3 passed, 1 failed/);
    assert.match(
      await card.locator('li.failed').innerText(),
      /\?\? body \$\.total == 3\s+line 9: expected body \$\.total == 3, got \(none\)/,
    );
    await vsx.page.locator('.notification-toast', { hasText: 'Sending' }).waitFor({ state: 'hidden', timeout: 15_000 });
    // The request's last outcome, as a lens beside Send Request.
    // (A lens without a command is text, not a link, so not vsx.codeLens.)
    await vsx.page
      .locator('.codelens-decoration', { hasText: '✘ 200 OK · 3/4 checks' })
      .first()
      .waitFor({ state: 'visible', timeout: 15_000 });
    await vsx.screenshot('warnings-and-assertions');
  });
});
