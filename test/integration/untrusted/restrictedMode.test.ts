// Restricted Mode (issue 5 item 7) in the real extension host: workspace trust is on and the folder
// test/fixtures/untrusted-workspace is not trusted (tools/vscode-host --untrusted). The extension
// activates (capabilities.untrustedWorkspaces: limited), CodeLens and diagnostics work, sending asks for
// trust and sends nothing, and no env file or .env of the workspace is read.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';

import * as vscode from 'vscode';

import { nodeFileReader } from '../../../src/cli/shared/nodeFileReader';
import { loadEnvironments } from '../../../src/core/variables/loadEnvironments';
import type { GwHttpApi } from '../../../src/extension/extension';
import { gwhttpExtension, waitUntil } from '../index';
import { diagnosticsWhen, sendLensCount } from '../suite/extensionTestUtils';
import {
  recordMessages,
  removeFixtureFile,
  startRecordingServer,
  untrustedFixture,
  writeFixtureFile,
} from './untrustedTestUtils';

const labelOf = (item: vscode.CompletionItem): string =>
  typeof item.label === 'string' ? item.label : item.label.label;

async function openUntrusted(relativePath: string): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument(untrustedFixture(relativePath));
  await vscode.window.showTextDocument(document);
  return document;
}

/** Runs a command that shows a notification and waits on it; dismisses the notification like a user. */
async function runAndDismiss(shown: readonly unknown[], command: string, ...args: unknown[]): Promise<void> {
  const before = shown.length;
  const running = Promise.resolve(vscode.commands.executeCommand(command, ...args));
  await waitUntil(() => shown.length > before, 15_000, `${command} showed no message`);
  await vscode.commands.executeCommand('notifications.clearAll');
  await running;
}

describe('Untrusted workspace: Restricted Mode (extension host)', function () {
  this.timeout(60_000);

  it('runs with workspace trust on, the folder not trusted, and the workbench in Restricted Mode', () => {
    assert.equal(vscode.workspace.isTrusted, false);
    assert.equal(vscode.workspace.getConfiguration('security.workspace.trust').get('enabled'), true);
    assert.equal(vscode.workspace.workspaceFolders?.[0]?.uri.fsPath, untrustedFixture(''));
    const indicatorFile = process.env.VSX_RESTRICTED_MODE_FILE;
    if (indicatorFile) {
      // What the harness read from the page: the status bar entry and the banner.
      const shown = JSON.parse(fs.readFileSync(indicatorFile, 'utf8')) as {
        statusBar: string;
        statusBarLabel: string;
        banner: string;
      };
      assert.match(`${shown.statusBar} ${shown.statusBarLabel}`, /Restricted Mode/);
      assert.match(shown.banner, /Restricted Mode is intended for safe code browsing\. Trust this folder/);
    }
  });

  it('activates when a .gwhttp file opens, as the manifest allows (untrustedWorkspaces: limited)', async () => {
    const extension = gwhttpExtension();
    assert.equal(extension.packageJSON.capabilities?.untrustedWorkspaces?.supported, 'limited');
    await openUntrusted('requests.gwhttp');
    await waitUntil(() => extension.isActive, 20_000, 'the extension did not activate in Restricted Mode');
    const api = extension.exports as GwHttpApi;
    assert.equal(typeof api.activationMs, 'number');
  });

  it('shows a Send Request lens per request and the parser diagnostics', async () => {
    const document = await openUntrusted('requests.gwhttp');
    await waitUntil(async () => (await sendLensCount(document)) === 2, 15_000, 'expected 2 Send Request lenses');
    const found = await diagnosticsWhen(document.uri, (diagnostics) =>
      diagnostics.some((d) => d.code === 'header-without-colon'),
    );
    const problem = found.find((d) => d.code === 'header-without-colon')!;
    assert.equal(problem.range.start.line, 8);
    assert.equal(problem.severity, vscode.DiagnosticSeverity.Error);
  });

  describe('sending', () => {
    const sendFile = 'send.gwhttp';
    const curlFile = 'curl.gwhttp';

    after(() => {
      removeFixtureFile(sendFile);
      removeFixtureFile(curlFile);
    });

    it('does not send: says a trusted workspace is needed, offers to manage trust, and the server sees nothing', async () => {
      const api = gwhttpExtension().exports as GwHttpApi;
      const server = await startRecordingServer();
      const warnings = recordMessages('showWarningMessage');
      try {
        writeFixtureFile(
          sendFile,
          `GET ${server.url}/untrusted/one\n\n###\nPOST ${server.url}/untrusted/two\n\n{"a": 1}\n`,
        );
        const document = await openUntrusted(sendFile);
        await runAndDismiss(warnings.shown, 'gwhttp.sendRequest', document.uri, 0);
        await runAndDismiss(warnings.shown, 'gwhttp.sendAll', document.uri);
        assert.equal(warnings.shown.length, 2, warnings.shown.map((w) => w.message).join(' | '));
        for (const warning of warnings.shown) {
          assert.match(warning.message, /^GW HTTP: Sending requests needs a trusted workspace/);
          assert.deepEqual(warning.items, ['Manage Workspace Trust']);
        }
        assert.deepEqual(server.requests, []);
        assert.equal(api.lastResponseModel(), null, 'a response panel model was built');
        assert.equal(api.responsePanel(), null, 'a response panel was opened');
      } finally {
        warnings.restore();
        await server.close();
      }
    });

    it('does not copy a signed cURL command either', async () => {
      const server = await startRecordingServer();
      const warnings = recordMessages('showWarningMessage');
      const errors = recordMessages('showErrorMessage');
      try {
        writeFixtureFile(curlFile, `GET ${server.url}/untrusted/curl\n`);
        const document = await openUntrusted(curlFile);
        await vscode.env.clipboard.writeText('clipboard before');
        await runAndDismiss(warnings.shown, 'gwhttp.copyAsCurl', document.uri, 0);
        assert.match(warnings.shown[0].message, /^GW HTTP: Copying a signed request needs a trusted workspace/);
        assert.deepEqual(errors.shown, [], 'refusing trust is not an error');
        assert.equal(await vscode.env.clipboard.readText(), 'clipboard before');
        assert.deepEqual(server.requests, []);
      } finally {
        warnings.restore();
        errors.restore();
        await vscode.commands.executeCommand('notifications.clearAll');
        await server.close();
      }
    });
  });

  describe('environment files', () => {
    before(async () => {
      writeFixtureFile('.env', 'DOTENV_ONLY_NAME=value-from-dotenv\n');
      await vscode.workspace
        .getConfiguration('gwhttp')
        .update('environments', { fixture: { fromSetting: 'value-from-setting' } }, vscode.ConfigurationTarget.Global);
      await vscode.commands.executeCommand('gwhttp.selectEnvironment', 'fixture');
    });

    after(async () => {
      removeFixtureFile('.env');
      await vscode.commands.executeCommand('gwhttp.selectEnvironment', null);
      await vscode.workspace
        .getConfiguration('gwhttp')
        .update('environments', undefined, vscode.ConfigurationTarget.Global);
    });

    it('the fixture env file is one the extension would read in a trusted workspace (control)', async () => {
      const loaded = await loadEnvironments(
        untrustedFixture('requests.gwhttp'),
        untrustedFixture(''),
        nodeFileReader,
        {},
      );
      assert.equal(loaded.environments.fixture?.fromEnvFile, 'value-from-env-file');
      assert.deepEqual(loaded.files, [untrustedFixture('gwhttp.env.json')]);
    });

    it("offers only the setting's variables: nothing from gwhttp.env.json or .env", async () => {
      const document = await openUntrusted('requests.gwhttp');
      const at = document.positionAt(document.getText().indexOf('{{fromEnvFile}}') + 2);
      const labels =
        (await waitUntil(
          async () => {
            const list = await vscode.commands.executeCommand<vscode.CompletionList>(
              'vscode.executeCompletionItemProvider',
              document.uri,
              at,
              '{',
            );
            const names = list.items.map(labelOf);
            return names.includes('fromSetting') ? names : null;
          },
          15_000,
          "the gwhttp.environments setting's variable fromSetting was not offered",
        )) ?? [];
      for (const name of ['fromEnvFile', 'sharedFromFile', 'DOTENV_ONLY_NAME']) {
        assert.ok(!labels.includes(name), `${name} was offered: ${labels.join(', ')}`);
      }
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
        'vscode.executeHoverProvider',
        document.uri,
        at,
      );
      const hoverText = JSON.stringify(hovers.map((hover) => hover.contents));
      assert.ok(!hoverText.includes('value-from-env-file'), hoverText);
    });

    it('resolves a request from the setting but not from the env file (signature preview)', async () => {
      const errors = recordMessages('showErrorMessage');
      try {
        const document = writeFixtureFile(
          'preview.gwhttp',
          'GET http://127.0.0.1:9/{{fromSetting}}\n\n###\nGET http://127.0.0.1:9/{{fromEnvFile}}\n',
        );
        const uri = vscode.Uri.file(document);
        await vscode.commands.executeCommand('gwhttp.previewSignature', uri, 0);
        const preview = await waitUntil(
          () =>
            vscode.workspace.textDocuments.find(
              (d) => d.uri.scheme === 'gwhttp-signature' && d.uri.query.includes('preview.gwhttp'),
            ),
          10_000,
          'no signature preview opened',
        );
        assert.match(preview?.getText() ?? '', /^GET http:\/\/127\.0\.0\.1:9\/value-from-setting$/m);
        await vscode.commands.executeCommand('gwhttp.previewSignature', uri, 1);
        await waitUntil(() => errors.shown.length > 0, 10_000, 'no error for {{fromEnvFile}}');
        assert.match(errors.shown[0].message, /fromEnvFile/);
        assert.ok(!errors.shown[0].message.includes('value-from-env-file'));
      } finally {
        errors.restore();
        removeFixtureFile('preview.gwhttp');
        await vscode.commands.executeCommand('notifications.clearAll');
      }
    });
  });
});
