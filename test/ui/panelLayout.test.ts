// UI test (level B): the response panel puts the body first. For a 200 OK with throttling headers the
// body's top edge is in the first third of the 900 px window; the tab bar sticks while the body
// scrolls; a card closed by the user stays closed for the next response. Dark and light themes, with
// screenshots (header names and values in different colours in both).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

import type { FrameLocator } from 'playwright-core';

import { selectColorTheme, workbenchThemeKind } from './colorTheme';

const fileName = `ui-layout-${process.pid}.gwhttp`;

/** What the callbacks evaluated in the webview use of its window (this project compiles without the DOM lib). */
interface PageGlobals {
  getComputedStyle(element: unknown): { color: string };
  scrollTo(x: number, y: number): void;
}

async function sendAndWait(title: string): Promise<FrameLocator> {
  const lens = vsx.codeLens('Send Request').first();
  await lens.waitFor({ state: 'visible', timeout: 30_000 });
  await lens.click();
  const frame = await vsx.webview({ timeoutMs: 60_000 });
  await frame.locator('.status-line .title', { hasText: title }).waitFor({ state: 'visible', timeout: 60_000 });
  return frame;
}

async function headerColours(frame: FrameLocator): Promise<{ name: string; value: string }> {
  await frame.locator('button[data-tab="headers"]').click();
  const row = frame.locator('table.headers tr').first();
  await row.waitFor({ state: 'visible' });
  const colour = (selector: string): Promise<string> =>
    row.locator(selector).evaluate((element) => (globalThis as unknown as PageGlobals).getComputedStyle(element).color);
  return { name: await colour('th'), value: await colour('td') };
}

describe('The response panel puts the body first (UI)', function () {
  this.timeout(180_000);
  let server: http.Server;
  let sent = 0;

  before(async () => {
    server = http.createServer((_request, response) => {
      sent++;
      response.setHeader('X-RateLimit-Limit', '500');
      response.setHeader('X-RateLimit-Used', `${100 + sent}/125`);
      response.setHeader('X-UsagePlan-ID', 'usagePlan-layout');
      response.setHeader('X-Secret-ID', 'AKIDlayout');
      response.setHeader('Content-Type', 'application/json');
      const items = Array.from({ length: 80 }, (_, id) => ({
        id,
        name: `item ${id}`,
        tags: ['a', 'b'],
        ok: id % 2 === 0,
      }));
      response.end(JSON.stringify({ total: items.length, items }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    fs.writeFileSync(
      vsx.workspacePath(fileName),
      ['### Layout items', `GET ${url}/release/items`, 'Accept: application/json', '', '?? status == 200', ''].join(
        '\n',
      ),
    );
  });

  after(async () => {
    await selectColorTheme('Light Modern').catch(() => undefined);
    await vsx.runCommand('View: Close All Editor Groups');
    fs.rmSync(vsx.workspacePath(fileName), { force: true });
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('starts the body in the first third of a 900 px window, under a one-line status with the quota', async () => {
    await vsx.runCommand('View: Close All Editor Groups');
    await vsx.openFile(fileName);
    await vsx.waitForActivation('gwhttp.gwhttp');
    await selectColorTheme('Dark Modern');
    await vsx.page.locator('.monaco-workbench.vs-dark').waitFor({ state: 'attached', timeout: 15_000 });
    const frame = await sendAndWait('Layout items');
    const viewport = vsx.page.viewportSize();
    assert.equal(viewport?.height, 900);
    const body = await frame.locator('.tab-panel pre.body').boundingBox();
    assert.ok(body, 'the body is shown');
    assert.ok(body.y < 900 / 3, `the body starts ${Math.round(body.y)} px down the window`);
    assert.match(await frame.locator('.status-line .quota').innerText(), /quota 101\/125 · 81 % used/);
    assert.equal(await frame.locator('details.throttle').getAttribute('open'), null, 'throttling starts closed');
    assert.match(await frame.locator('details.throttle summary').innerText(), /Throttling\s+101\/125\s+81 % used/);
    assert.equal(await frame.locator('.toolbar button').count(), 4);
    await vsx.screenshot('panel-layout-dark');
  });

  it('keeps the tab bar on top while the body scrolls', async () => {
    const frame = await vsx.webview();
    await frame.locator('body').evaluate(() => (globalThis as unknown as PageGlobals).scrollTo(0, 2000));
    const tabs = await frame.locator('.tab-list').evaluate((element) => element.getBoundingClientRect().top);
    assert.ok(tabs >= 0 && tabs < 2, `the tab bar is at ${tabs} px of the scrolled panel`);
    await vsx.screenshot('panel-layout-scrolled');
    await frame.locator('body').evaluate(() => (globalThis as unknown as PageGlobals).scrollTo(0, 0));
  });

  it('remembers a card the user opened for the next response', async () => {
    let frame = await vsx.webview();
    await frame.locator('details.throttle summary').click();
    await frame.locator('details.throttle .bar').waitFor({ state: 'visible' });
    await vsx.page.locator('.tabs-container .tab', { hasText: fileName }).first().click();
    frame = await sendAndWait('Layout items');
    await frame.locator('.status-line .quota', { hasText: '102/125' }).waitFor({ state: 'visible', timeout: 30_000 });
    // A send that answers at once shows no progress notification (it would linger over the panel).
    assert.equal(await vsx.page.locator('.notification-toast', { hasText: 'Sending' }).count(), 0);
    assert.equal(await frame.locator('details.throttle').getAttribute('open'), '', 'throttling stays open');
    await frame.locator('details.throttle summary').click();
    await frame.locator('details.throttle .bar').waitFor({ state: 'hidden' });
  });

  it('colours the pretty JSON from the theme and folds it', async () => {
    const frame = await vsx.webview();
    const body = frame.locator('.tab-panel pre.body');
    await body.locator('.tok-key').first().waitFor({ state: 'visible' });
    const colour = (selector: string): Promise<string> =>
      body
        .locator(selector)
        .first()
        .evaluate((element) => (globalThis as unknown as PageGlobals).getComputedStyle(element).color);
    const colours = new Set([await colour('.tok-key'), await colour('.tok-string'), await colour('.tok-number')]);
    assert.equal(colours.size, 3, `keys, strings and numbers in three colours: ${[...colours].join(', ')}`);
    const lines = body.locator('.line');
    const total = await lines.count();
    // The "items" array (line 3) folds to one line; its closing bracket stays: {, total, items, ], }.
    await body.locator('.line').nth(2).locator('.fold').click();
    assert.equal(await body.locator('.line:visible').count(), 5);
    await vsx.screenshot('panel-body-folded');
    await body.locator('.line').nth(2).locator('.fold').click();
    assert.equal(await body.locator('.line:visible').count(), total);
  });

  it('shows header names and values in different colours, in the dark and the light theme', async () => {
    let frame = await vsx.webview();
    const dark = await headerColours(frame);
    assert.notEqual(dark.name, dark.value, 'dark theme');
    await vsx.screenshot('panel-headers-dark');
    await selectColorTheme('Light Modern');
    await vsx.page.locator('.monaco-workbench.vs').waitFor({ state: 'attached', timeout: 15_000 });
    assert.equal(await workbenchThemeKind(), 'vs');
    frame = await vsx.webview();
    const light = await headerColours(frame);
    assert.notEqual(light.name, light.value, 'light theme');
    assert.notEqual(light.value, dark.value, 'the panel follows the theme');
    await vsx.screenshot('panel-headers-light');
    await frame.locator('button[data-tab="body"]').click();
    await frame.locator('.tab-panel pre.body').waitFor({ state: 'visible' });
    await vsx.screenshot('panel-layout-light');
  });
});
