// The unresolved-variable diagnostic (issue 6) in the real extension host: it points at the reference,
// names the variable, and clears once the variable is defined.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import * as vscode from 'vscode';

import { diagnosticsWhen, gwhttpApi, openTempGwhttp } from './extensionTestUtils';

function unresolved(diagnostics: readonly vscode.Diagnostic[]): vscode.Diagnostic | undefined {
  return diagnostics.find(
    (d) => d.source === 'gwhttp' && d.severity === vscode.DiagnosticSeverity.Error && d.message.includes('{{orderId}}'),
  );
}

describe('Unresolved variables (extension host)', () => {
  before(async () => {
    await gwhttpApi();
  });

  it('marks an unknown {{variable}} at its columns and clears when a file variable defines it', async () => {
    const document = await openTempGwhttp(
      '@host = 127.0.0.1:9\n\nGET http://{{host}}/orders/{{orderId}}\n',
      'unresolved.gwhttp',
    );
    const found = await diagnosticsWhen(document.uri, (diagnostics) => unresolved(diagnostics) !== undefined);
    const problem = unresolved(found)!;
    assert.equal(problem.range.start.line, 2);
    const referenced = document.getText(problem.range);
    assert.ok(referenced.includes('orderId'), `range covers "${referenced}"`);
    assert.ok(!found.some((d) => d.message.includes('{{host}}')), 'a defined variable is not reported');

    const editor = await vscode.window.showTextDocument(document);
    await editor.edit((edit) => edit.insert(new vscode.Position(1, 0), '@orderId = 42\n'));
    await diagnosticsWhen(document.uri, (diagnostics) => unresolved(diagnostics) === undefined);
  });

  it('counts a name defined in the .env beside the file as known', async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'gwhttp-dotenv-'));
    fs.writeFileSync(path.join(folder, '.env'), 'orderId=42\n');
    const file = path.join(folder, 'from-dotenv.gwhttp');
    // An unknown name on the same line proves the check ran before we look for the absence of orderId.
    fs.writeFileSync(file, 'GET http://127.0.0.1:9/orders/{{orderId}}?trace={{traceId}}\n');
    const document = await vscode.workspace.openTextDocument(file);
    await vscode.window.showTextDocument(document);
    const found = await diagnosticsWhen(document.uri, (diagnostics) =>
      diagnostics.some((d) => d.source === 'gwhttp' && d.message.includes('{{traceId}}')),
    );
    assert.equal(unresolved(found), undefined, `flagged: ${found.map((d) => d.message).join(' | ')}`);
  });
});
