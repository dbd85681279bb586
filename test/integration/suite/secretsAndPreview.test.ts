// Literal-secret quick fix, Preview Signature and Copy as cURL in the real extension host.
import * as assert from 'node:assert/strict';

import * as vscode from 'vscode';

import { type MockGateway, startMockGateway } from '../../../src/cli/mockGateway/startMockGateway';
import { waitUntil } from '../index';
import { diagnosticsWhen, gwhttpApi, openTempGwhttp } from './extensionTestUtils';

const keyId = 'AKIDquickfixTEST00000000000000000001';
const secret = 'Zx9Qw3Er7Ty1Ui5Op2AsDf4Gh';

describe('Secrets, quick fix and signature preview (extension host)', function () {
  this.timeout(60_000);
  let gateway: MockGateway;

  before(async () => {
    gateway = await startMockGateway({ keys: [{ id: keyId, secret, usagePlanId: 'usagePlan-quickfix', limit: 10 }] });
    await gwhttpApi();
  });

  after(async () => {
    await vscode.commands.executeCommand('gwhttp.forgetSecret', keyId);
    await gateway.close();
  });

  it('moves a literal secret into SecretStorage, removes it from the file, and sending then works', async () => {
    const api = await gwhttpApi();
    const document = await openTempGwhttp(
      `@secretKey = ${secret}\n\n# @sign tencent-keypair id=${keyId}\nGET ${gateway.url}/release/quickfix\n`,
    );
    const found = await diagnosticsWhen(document.uri, (diagnostics) =>
      diagnostics.some((d) => d.code === 'literal-secret'),
    );
    const literal = found.find((d) => d.code === 'literal-secret')!;
    assert.equal(document.getText(literal.range), secret);
    const actions =
      (await vscode.commands.executeCommand<vscode.CodeAction[]>(
        'vscode.executeCodeActionProvider',
        document.uri,
        literal.range,
      )) ?? [];
    const move = actions.find((action) => action.title.startsWith('Move the secret key into SecretStorage'));
    assert.ok(move?.command, `actions: ${actions.map((a) => a.title).join(' | ')}`);
    await vscode.commands.executeCommand(move.command.command, ...(move.command.arguments ?? []));
    assert.ok(!document.getText().includes(secret), 'the secret is still in the file');
    await vscode.commands.executeCommand('gwhttp.sendRequest', document.uri, 0);
    assert.equal(api.lastResponseModel()?.status.code, 200);
    assert.equal(api.lastResponseModel()?.throttle?.usagePlanId, 'usagePlan-quickfix');
  });

  it('previews the signature in a read-only document without the secret', async () => {
    await vscode.commands.executeCommand('gwhttp.storeSecret', keyId, secret);
    const document = await openTempGwhttp(
      `# @sign tencent-keypair id=${keyId}\nGET ${gateway.url}/release/preview\nAccept: application/json\n`,
    );
    await vscode.commands.executeCommand('gwhttp.previewSignature', document.uri, 0);
    const preview = await waitUntil(
      () =>
        vscode.workspace.textDocuments.find(
          (each) => each.uri.scheme === 'gwhttp-signature' && each.getText().includes('/release/preview'),
        ),
      10_000,
      'no signature preview document',
    );
    const text = preview!.getText();
    assert.match(text, /## Signing string/);
    assert.match(text, new RegExp(`Key id: +${keyId}`));
    assert.match(text, /Authorization: hmac id="/);
    assert.ok(!text.includes(secret), 'the secret appears in the preview');
  });

  it('previews with a placeholder and says so when no secret is stored', async () => {
    await vscode.commands.executeCommand('gwhttp.forgetSecret', keyId);
    const document = await openTempGwhttp(
      `# @sign tencent-keypair id=${keyId}\nGET ${gateway.url}/release/placeholder\n`,
    );
    await vscode.commands.executeCommand('gwhttp.previewSignature', document.uri, 0);
    const preview = await waitUntil(
      () =>
        vscode.workspace.textDocuments.find(
          (each) => each.uri.scheme === 'gwhttp-signature' && each.getText().includes('/release/placeholder'),
        ),
      10_000,
      'no signature preview document',
    );
    assert.match(preview!.getText(), /No secret key is stored for AKIDquickfix/);
  });
});
