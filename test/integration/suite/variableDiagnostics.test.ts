// The unresolved-variable diagnostic (issue 6) in the real extension host: it points at the reference,
// names the variable, and clears once the variable is defined.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { diagnosticsWhen, gwhttpApi, openTempGwhttp } from './extensionTestUtils';

function unresolved(diagnostics: readonly vscode.Diagnostic[]): vscode.Diagnostic | undefined {
  return diagnostics.find((d) => d.source === 'gwhttp' && d.severity === vscode.DiagnosticSeverity.Error && d.message.includes('{{orderId}}'));
}

describe('Unresolved variables (extension host)', () => {
  before(async () => {
    await gwhttpApi();
  });

  it('marks an unknown {{variable}} at its columns and clears when a file variable defines it', async () => {
    const document = await openTempGwhttp('@host = 127.0.0.1:9\n\nGET http://{{host}}/orders/{{orderId}}\n', 'unresolved.gwhttp');
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
});
