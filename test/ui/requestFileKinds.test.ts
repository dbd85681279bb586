// UI (level B): a .http file in the real workbench is language HTTP, gwhttp's grammar colours it and
// gwhttp's Send Request lens is drawn (one row: no other http extension here). With the fake REST Client
// installed (npm run test:host:other-http) the same file shows that extension's lens row only.
import * as assert from 'node:assert/strict';

const file = 'request-kinds/orders.http';

describe('request file kinds (UI)', () => {
  it('opens a .http file as HTTP with gwhttp highlighting and one row of Send Request lenses', async () => {
    await vsx.openFile(file);
    await vsx.waitForActivation('gwhttp.gwhttp');
    const mode = vsx.page.locator('#status\\.editor\\.mode');
    await mode.waitFor({ state: 'visible' });
    assert.match((await mode.innerText()).trim(), /^HTTP$/);
    await vsx.codeLens('Send Request').first().waitFor({ state: 'visible', timeout: 30_000 });
    assert.equal(await vsx.codeLens('Send Request').count(), 1);
    // VS Code colours a language with one grammar: gwhttp's, or the other http extension's when it has one.
    const scopes = await vsx.tokenScopesAt(2, 1);
    const root = process.env.VSX_LABEL_SUFFIX === 'other-http' ? ['source.gwhttp', 'source.http'] : ['source.gwhttp'];
    assert.ok(root.includes(scopes.at(-1) ?? ''), `root scope ${scopes.at(-1)}`);
    assert.ok(scopes.length > 1, `only the root scope at the method: ${scopes.join(' ')}`);
    console.log(`    [grammar] .http root scope: ${scopes.at(-1)}`);
    await vsx.screenshot('request-kinds-http-file');
  });
});
