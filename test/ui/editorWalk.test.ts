// UI test (level B), issue 11 walked as a user: a folder with one environment opens without errors and
// its lens names the environment; an APID… key signed with tencent-keypair gets a card that blames the
// scheme in words; Open in Editor on a 60 MiB body shows a read-only editor at once that closes without
// a save prompt, with the workbench's long tasks measured (Long Tasks API) and screenshots kept.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

import { demoAppKeyId, demoAppSecret } from '../../src/cli/mockGateway/mockKeys';
import { type MockGateway, startMockGateway } from '../../src/cli/mockGateway/startMockGateway';
import { storeSecretThroughPalette } from './storeSecretThroughPalette';

const folder = `ui-walk-${process.pid}`;
const sixtyMiB = 60 * 1024 * 1024;

/** Starts recording long tasks in the workbench page; the returned function stops and gives their durations. */
async function recordLongTasks(): Promise<() => Promise<number[]>> {
  // Runs in the page (this project's TypeScript has no DOM types, so the script is text).
  await vsx.page.evaluate(`(() => {
    window.gwhttpLongTasks = [];
    window.gwhttpObserver = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.gwhttpLongTasks.push(Math.round(entry.duration));
    });
    window.gwhttpObserver.observe({ type: 'longtask', buffered: false });
  })()`);
  return () =>
    vsx.page.evaluate<number[]>(`(() => {
      window.gwhttpObserver.disconnect();
      return window.gwhttpLongTasks;
    })()`);
}

describe('Editor walk-through of issue 11 (UI)', function () {
  this.timeout(240_000);
  let gateway: MockGateway;
  let big: http.Server;

  before(async () => {
    gateway = await startMockGateway();
    const body = Buffer.alloc(sixtyMiB, 'a');
    for (let offset = 0; offset < sixtyMiB; offset += 100) body[offset] = 0x0a;
    big = http.createServer((_request, response) => {
      response.writeHead(200, { 'Content-Type': 'text/plain', 'Content-Length': body.length }).end(body);
    });
    await new Promise<void>((resolve) => big.listen(0, '127.0.0.1', resolve));
    fs.mkdirSync(vsx.workspacePath(folder), { recursive: true });
    fs.writeFileSync(
      vsx.workspacePath(`${folder}/gwhttp.env.json`),
      JSON.stringify({ local: { gateway: gateway.url, appId: demoAppKeyId } }, null, 2),
    );
    fs.writeFileSync(
      vsx.workspacePath(`${folder}/walk.gwhttp`),
      [
        '### App key signed with the key-pair scheme',
        `# @sign tencent-keypair id=${demoAppKeyId}`,
        'GET {{gateway}}/release/items',
        'Accept: application/json',
        '',
        '### A 60 MiB body',
        `GET http://127.0.0.1:${(big.address() as AddressInfo).port}/big`,
        '',
      ].join('\n'),
    );
  });

  after(async () => {
    await vsx.runCommand('View: Close All Editor Groups');
    fs.rmSync(vsx.workspacePath(folder), { recursive: true, force: true });
    await gateway.close();
    await new Promise<void>((resolve) => big.close(() => resolve()));
  });

  it('opens a file whose folder has one environment without errors, its lens naming it', async () => {
    await vsx.runCommand('View: Close All Editor Groups');
    await vsx.openFile(`${folder}/walk.gwhttp`);
    await vsx.waitForActivation('gwhttp.gwhttp');
    await vsx.codeLens('Environment: local (the only one)').first().waitFor({ state: 'visible', timeout: 30_000 });
    assert.equal(await vsx.page.locator('.squiggly-error').count(), 0, 'red squiggles in the file');
    await vsx.screenshot('walk-environment-lens');
  });

  it('explains an APID… key signed with tencent-keypair as a scheme that does not match the key', async () => {
    await storeSecretThroughPalette(demoAppKeyId, demoAppSecret);
    await vsx.codeLens('Send Request').first().click();
    const frame = await vsx.webview({ timeoutMs: 60_000 });
    const heading = frame.locator('details.explanation h2');
    await heading.waitFor({ state: 'visible', timeout: 60_000 });
    assert.equal(
      (await heading.innerText()).trim(),
      'Why the gateway said no: The signing scheme does not match the key: APID… keys use tencent-app',
    );
    assert.match(await frame.locator('details.explanation').innerText(), /# @sign tencent-app id=APID/);
    await vsx.page.locator('.notification-toast', { hasText: 'Sending' }).waitFor({ state: 'hidden', timeout: 15_000 });
    await vsx.screenshot('walk-scheme-mismatch-card');
  });

  it('opens a 60 MiB body read-only at once, and closes it without a save prompt', async () => {
    await vsx.openFile(`${folder}/walk.gwhttp`);
    await vsx.codeLens('Send Request').nth(1).click();
    const frame = await vsx.webview({ timeoutMs: 60_000 });
    const open = frame.locator('.large-body button[data-action="openBody"]');
    await open.waitFor({ state: 'visible', timeout: 120_000 });
    const stop = await recordLongTasks();
    const started = Date.now();
    await open.click();
    const tab = vsx.page.locator('.tab', { hasText: 'response-' });
    await tab.first().waitFor({ state: 'visible', timeout: 60_000 });
    const content = vsx.page
      .locator('.editor-group-container.active .monaco-editor .view-line', { hasText: 'aaaaaaaaaa' })
      .first();
    // VS Code's web workbench asks before showing a file over its editorLargeFileConfirmation (50 MB):
    // that answer comes at once; Open Anyway, as a user would, then shows the text.
    const openAnyway = vsx.page.getByRole('button', { name: 'Open Anyway' });
    await content.or(openAnyway).waitFor({ state: 'visible', timeout: 60_000 });
    const firstAnswerMs = Date.now() - started;
    const askedFirst = await openAnyway.isVisible();
    if (askedFirst) {
      await vsx.screenshot('walk-open-60mib-large-file-prompt');
      await openAnyway.click();
    }
    await content.waitFor({ state: 'visible', timeout: 120_000 });
    const shownMs = Date.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const longTasks = await stop();
    fs.writeFileSync(
      `${vsx.artifacts}/walk-open-60mib.json`,
      JSON.stringify({ firstAnswerMs, askedFirst, shownMs, longTasks, longest: Math.max(0, ...longTasks) }, null, 2),
    );
    // Typing into it is refused with the read-only message, not a change that would ask to be saved.
    await vsx.page.keyboard.type('x');
    await vsx.page
      .getByText(/read-only/i)
      .first()
      .waitFor({ state: 'visible', timeout: 15_000 });
    assert.equal(await vsx.page.locator('.tab.dirty').count(), 0, 'typing changed the body');
    await vsx.screenshot('walk-open-60mib-read-only');
    await vsx.runCommand('View: Close Editor');
    await tab.first().waitFor({ state: 'detached', timeout: 15_000 });
    assert.equal(await vsx.page.locator('.monaco-dialog-box').count(), 0, 'a save prompt appeared');
  });
});
