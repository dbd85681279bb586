// UI smoke test (level B): the real workbench opens the sample, the extension activates, the grammar
// colours a header, and a screenshot is kept under .vsx-test-output/screenshots.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';

const sample = 'sample.gwhttp';

/** 1-based line of the first line of the sample that starts with `prefix`. */
function lineOf(prefix: string): number {
  const index = vsx
    .readWorkspaceFile(sample)
    .split(/\r?\n/)
    .findIndex((l) => l.startsWith(prefix));
  assert.ok(index >= 0, `no line starting with ${prefix} in ${sample}`);
  return index + 1;
}

describe('workbench smoke (UI)', () => {
  it('opens the sample .gwhttp file as GW HTTP and activates the extension', async () => {
    await vsx.openFile(sample);
    await vsx.waitForActivation('gwhttp.gwhttp');
    const mode = vsx.page.locator('#status\\.editor\\.mode');
    await mode.waitFor({ state: 'visible' });
    assert.match((await mode.innerText()).trim(), /GW HTTP/);
  });

  it('highlights a header name with a gwhttp scope in the editor', async () => {
    const scopes = await vsx.tokenScopesAt(lineOf('Content-Type:'), 3);
    assert.equal(scopes.at(-1), 'source.gwhttp');
    assert.ok(scopes.length > 1, `only the root scope at the header name: ${scopes.join(' ')}`);
  });

  it('takes a screenshot of the editor', async () => {
    const file = await vsx.screenshot('smoke-sample-open');
    assert.ok(fs.statSync(file).size > 10_000, `screenshot ${file} looks empty`);
  });
});
