// Foundation checks in the real extension host: language, activation, grammar, command.
import * as assert from 'node:assert/strict';

import * as vscode from 'vscode';

import { extensionId, gwhttpExtension, openFixture, tokenizeWithGrammar, waitUntil } from '../index';

describe('foundation (extension host)', () => {
  it('opens a .gwhttp file with the language id gwhttp', async () => {
    const document = await openFixture('sample.gwhttp');
    assert.equal(document.languageId, 'gwhttp');
    assert.ok((await vscode.languages.getLanguages()).includes('gwhttp'));
  });

  it('activates when a .gwhttp file is open (no explicit activate call)', async () => {
    await openFixture('sample.gwhttp');
    const extension = gwhttpExtension();
    await waitUntil(() => extension.isActive, 15_000, `${extensionId} did not activate on opening a .gwhttp file`);
    assert.equal(extension.isActive, true);
  });

  it('registers the command gwhttp.sendRequest', async () => {
    await gwhttpExtension().activate();
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('gwhttp.sendRequest'), 'gwhttp.sendRequest is not registered');
  });

  it('tokenizes a header line with the contributed grammar', async () => {
    const lines = await tokenizeWithGrammar('GET https://127.0.0.1/status\nContent-Type: application/json\n');
    const header = lines[1];
    const name = header.find((t) => t.text.includes('Content-Type'));
    const value = header.find((t) => t.text.includes('application/json'));
    assert.ok(name && value, `header tokens: ${JSON.stringify(header)}`);
    assert.equal(name.scopes[0], 'source.gwhttp');
    assert.ok(name.scopes.length > 1, `header name has only the root scope: ${JSON.stringify(header)}`);
    assert.notDeepEqual(name.scopes, value.scopes, 'header name and value are not told apart');
  });
});
