// UI test (level B): the Testing view lists a request file's requests, runs them, and shows which
// passed and which failed; a screenshot is kept.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

const fileName = `ui-tests-${process.pid}.gwhttp`;

describe('Requests in the Testing view (UI)', function () {
  this.timeout(120_000);
  let server: http.Server;

  before(async () => {
    server = http.createServer((request, response) => {
      response.setHeader('Content-Type', 'application/json');
      response.end(request.url === '/orders' ? '{"items":[1,2]}' : '{"id":7}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    fs.writeFileSync(
      vsx.workspacePath(fileName),
      [
        '### List orders',
        `GET ${url}/orders`,
        '?? body $.items isArray',
        '',
        '### Read an order',
        `GET ${url}/orders/7`,
        '?? status == 200',
        '',
        '### Expect another id',
        `GET ${url}/orders/7`,
        '?? body $.id == 8',
        '',
      ].join('\n'),
    );
  });

  after(async () => {
    await vsx.runCommand('View: Show Explorer');
    await vsx.runCommand('View: Close All Editor Groups');
    fs.rmSync(vsx.workspacePath(fileName), { force: true });
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('runs the file from the Testing view: 2 passed, 1 failed, shown in the tree', async () => {
    await vsx.runCommand('View: Close All Editor Groups');
    await vsx.openFile(fileName);
    await vsx.waitForActivation('gwhttp.gwhttp');
    await vsx.runCommand('Testing: Focus on Test Explorer View');
    const tree = vsx.page.locator('.test-explorer .monaco-list');
    await tree.waitFor({ state: 'visible', timeout: 30_000 });
    const fileRow = tree.locator('.monaco-list-row', { hasText: fileName });
    await fileRow.waitFor({ state: 'visible', timeout: 30_000 });
    await vsx.runCommand('Test: Run Tests in Current File');
    const rows = tree.locator('.monaco-list-row');
    try {
      const summary = vsx.page.locator('.test-explorer .result-summary-container');
      await summary.filter({ hasText: /^\s*2\/3/ }).waitFor({ state: 'visible', timeout: 60_000 });
      const failedRow = tree.locator('.monaco-list-row', { hasText: 'Expect another id' });
      if (!(await failedRow.isVisible())) {
        await fileRow.click();
        await vsx.page.keyboard.press('ArrowRight');
      }
      await failedRow.waitFor({ state: 'visible', timeout: 15_000 });
    } finally {
      await vsx.screenshot('test-explorer-run');
    }
    const labels = await rows.evaluateAll((elements) =>
      elements.map((element) => element.getAttribute('aria-label') ?? ''),
    );
    // A row's accessible name is its description and its state: `GET · line 10 (Failed), in 19ms`.
    assert.ok(
      labels.some((label) => /^GET · line 10 \(Failed\)/.test(label)),
      labels.join(' | '),
    );
    assert.ok(
      labels.some((label) => /^GET · line 2 \(Passed\)/.test(label)),
      labels.join(' | '),
    );
    assert.ok(
      labels.some((label) => /^GET · line 6 \(Passed\)/.test(label)),
      labels.join(' | '),
    );
  });
});
