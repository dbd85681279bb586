// UI test (level B): a request with `# @prompt` and `{{$password}}` sent from its lens, answered in the real
// input box (the password one masked), the answer masked in the panel; Escape cancels without an error.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

const fileName = `ui-prompts-${process.pid}.gwhttp`;
const secret = 'Typed-Into-The-Box-7d3e';

describe('Prompts in the input box (UI)', function () {
  this.timeout(120_000);
  let server: http.Server;
  const received: { url: string; password: string | undefined }[] = [];
  const widget = () => vsx.page.locator('.quick-input-widget');

  before(async () => {
    server = http.createServer((request, response) => {
      const password = request.headers['x-password'] as string | undefined;
      received.push({ url: request.url ?? '', password });
      response.setHeader('Content-Type', 'application/json');
      response.end(JSON.stringify({ echoed: password }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    fs.writeFileSync(
      vsx.workspacePath(fileName),
      [
        '### Prompted order',
        '# @prompt orderId Order to cancel',
        `GET http://127.0.0.1:${(server.address() as AddressInfo).port}/orders/{{orderId}}`,
        'X-Password: {{$password Your password}}',
        '',
      ].join('\n'),
    );
  });

  after(async () => {
    await vsx.runCommand('View: Close All Editor Groups');
    fs.rmSync(vsx.workspacePath(fileName), { force: true });
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  async function answer(message: string, text: string, masked: boolean): Promise<void> {
    await widget().locator('.quick-input-message', { hasText: message }).waitFor({ state: 'visible', timeout: 30_000 });
    const input = widget().locator('input.input');
    assert.equal(await input.getAttribute('type'), masked ? 'password' : 'text');
    await input.fill(text);
    await input.press('Enter');
  }

  it('asks in the input box when the lens sends, the password box masked, and masks the answer in the panel', async () => {
    await vsx.runCommand('View: Close All Editor Groups');
    await vsx.openFile(fileName);
    await vsx.waitForActivation('gwhttp.gwhttp');
    const lens = vsx.codeLens('Send Request').first();
    await lens.waitFor({ state: 'visible', timeout: 30_000 });
    await lens.click();
    await answer('Order to cancel', '42', false);
    await answer('Your password', secret, true);
    const frame = await vsx.webview({ timeoutMs: 60_000 });
    await frame.locator('.title', { hasText: 'Prompted order' }).waitFor({ state: 'visible', timeout: 60_000 });
    assert.equal((await frame.locator('.status-code').innerText()).trim(), '200 OK');
    assert.deepEqual(received, [{ url: '/orders/42', password: secret }]);
    assert.ok(!(await frame.locator('body').innerText()).includes(secret), 'the echoed password is masked');
    await vsx.screenshot('prompts-answered');
  });

  it('Escape in the input box cancels the send: nothing sent, no error', async () => {
    await vsx.runCommand('GW HTTP: Forget Prompted Values');
    await vsx.page.locator('.tabs-container .tab', { hasText: fileName }).first().click();
    const lens = vsx.codeLens('Send Request').first();
    await lens.waitFor({ state: 'visible', timeout: 30_000 });
    await lens.click();
    await widget().locator('.quick-input-message', { hasText: 'Order to cancel' }).waitFor({ state: 'visible' });
    // The send waits on the user: no "Sending…" notification over the question, however long it stays open.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    assert.equal(await vsx.page.locator('.notification-toast', { hasText: 'Sending' }).count(), 0);
    await vsx.page.keyboard.press('Escape');
    await widget().waitFor({ state: 'hidden' });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    assert.equal(received.length, 1, 'nothing more was sent');
    const toasts = await vsx.notifications();
    assert.ok(!toasts.some((toast) => /not answered|failed|error/i.test(toast)), toasts.join('\n'));
  });
});
