// Settings read as words in the Settings editor (issue 11: "Inline Body Limit Mi B"), and the renamed
// gwhttp.inlineBodyLimit still honours the old gwhttp.inlineBodyLimitMiB.
import * as assert from 'node:assert/strict';

import * as vscode from 'vscode';

import { gwhttpExtension } from '../index';
import { gwhttpApi, type LocalServer, openTempGwhttp, startLocalServer } from './extensionTestUtils';

/** The label VS Code derives from a key: `gwhttp.inlineBodyLimitMiB` → `Inline Body Limit Mi B`. */
function settingLabel(key: string): string {
  const last = key.split('.').pop() ?? key;
  return last
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .replace(/^./, (first) => first.toUpperCase());
}

describe('Settings (extension host)', function () {
  this.timeout(60_000);
  let server: LocalServer;

  before(async () => {
    await gwhttpApi();
    server = await startLocalServer((_request, response) => {
      response.setHeader('Content-Type', 'text/plain');
      response.end('x'.repeat(200 * 1024));
    });
  });

  after(async () => {
    const config = vscode.workspace.getConfiguration('gwhttp');
    await config.update('inlineBodyLimit', undefined, vscode.ConfigurationTarget.Global);
    await config.update('inlineBodyLimitMiB', undefined, vscode.ConfigurationTarget.Global);
    await server.close();
  });

  it('labels every current setting with whole words, and describes it', () => {
    const properties = gwhttpExtension().packageJSON.contributes.configuration.properties as Record<
      string,
      { markdownDescription?: string; markdownDeprecationMessage?: string }
    >;
    const current = Object.entries(properties).filter(([, spec]) => !spec.markdownDeprecationMessage);
    assert.ok(current.some(([key]) => key === 'gwhttp.inlineBodyLimit'));
    for (const [key, spec] of current) {
      assert.doesNotMatch(settingLabel(key), /\b[A-Z]\b|Mi B/, `${key} reads "${settingLabel(key)}"`);
      assert.ok(spec.markdownDescription, `${key} has a markdownDescription`);
    }
  });

  it('reads the old gwhttp.inlineBodyLimitMiB until gwhttp.inlineBodyLimit is set', async () => {
    const api = await gwhttpApi();
    const document = await openTempGwhttp(`GET ${server.url}/body\n`);
    const config = vscode.workspace.getConfiguration('gwhttp');
    await config.update('inlineBodyLimitMiB', 0.0625, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('gwhttp.sendRequest', document.uri, 0);
    assert.equal(api.lastResponseModel()?.body.kind, 'tooLarge', 'the old setting (64 KiB) was not read');
    await config.update('inlineBodyLimit', 1, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('gwhttp.sendRequest', document.uri, 0);
    assert.equal(api.lastResponseModel()?.body.kind, 'text', 'the new setting (1 MiB) did not win');
    await config.update('inlineBodyLimitMiB', undefined, vscode.ConfigurationTarget.Global);
    await config.update('inlineBodyLimit', undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('gwhttp.sendRequest', document.uri, 0);
    assert.equal(api.lastResponseModel()?.body.kind, 'text', 'with neither set, the 2 MiB default applies');
  });
});
