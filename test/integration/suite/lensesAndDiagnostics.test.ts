// CodeLens and live diagnostics in the real extension host.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

import * as vscode from 'vscode';

import { parseDocument } from '../../../src/core/parser/parseDocument';
import { openFixture, workspaceFixture } from '../index';
import { diagnosticsWhen, gwhttpApi, openTempGwhttp, sendLensCount } from './extensionTestUtils';

describe('CodeLens (extension host)', () => {
  before(async () => {
    await gwhttpApi();
  });

  it('shows one Send Request lens per request on every workspace fixture', async () => {
    const folder = workspaceFixture('.');
    const files = fs
      .readdirSync(folder, { recursive: true })
      .filter((file): file is string => typeof file === 'string' && file.endsWith('.gwhttp'));
    assert.ok(files.length > 0, 'no .gwhttp fixtures');
    for (const file of files) {
      const document = await openFixture(file);
      const expected = parseDocument(document.getText()).requests.length;
      assert.equal(await sendLensCount(document), expected, `${file}: Send Request lenses`);
    }
  });

  it('adds Preview Signature only above signed requests and follows edits', async () => {
    const document = await openTempGwhttp(
      'GET http://127.0.0.1:9/a\n\n###\n# @sign tencent-keypair id=AKIDlens\nGET http://127.0.0.1:9/b\n',
    );
    const lenses =
      (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri)) ?? [];
    const previews = lenses.filter((lens) => lens.command?.title === 'Preview Signature');
    assert.deepEqual(
      previews.map((lens) => lens.range.start.line),
      [4],
    );
    const editor = await vscode.window.showTextDocument(document);
    await editor.edit((edit) =>
      edit.insert(new vscode.Position(document.lineCount, 0), '\n###\nGET http://127.0.0.1:9/c\n'),
    );
    assert.equal(await sendLensCount(document), 3);
  });

  it('measures lenses and diagnostics on a 1,000-request file', async () => {
    const text = Array.from(
      { length: 1000 },
      (_, i) =>
        `### Request ${i}\n# @sign tencent-keypair id=AKIDbench0000000000000001\nPOST http://127.0.0.1:9/orders/${i}\nContent-Type: application/json\nX-Date: {{$datetime rfc1123}}\n\n{"n": ${i}}\n`,
    ).join('\n');
    const document = await openTempGwhttp(text, 'thousand.gwhttp');
    const api = await gwhttpApi();
    const editor = await vscode.window.showTextDocument(document);
    const parse: number[] = [];
    const diagnostics: number[] = [];
    const lenses: number[] = [];
    for (let round = 0; round < 21; round++) {
      await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), '#'));
      let started = performance.now();
      api.documents.get(document);
      parse.push(performance.now() - started);
      started = performance.now();
      api.diagnostics.compute(document, new Set());
      diagnostics.push(performance.now() - started);
      started = performance.now();
      await api.codeLenses.provideCodeLenses(document);
      lenses.push(performance.now() - started);
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)].toFixed(1);
    console.log(
      `    [measure] 1,000 requests, per update, median of 21 (ms): parse ${median(parse)}, diagnostics (parse cached) ${median(diagnostics)}, lenses (parse cached) ${median(lenses)}; activation ${api.activationMs.toFixed(2)} ms`,
    );
    assert.equal(await sendLensCount(document), 1000);
  });
});

describe('Diagnostics (extension host)', () => {
  it('appear for a broken header line and clear when it is fixed', async () => {
    const document = await openTempGwhttp('GET http://127.0.0.1:9/a\nThis line has no colon\n');
    const found = await diagnosticsWhen(document.uri, (diagnostics) => diagnostics.some((d) => d.source === 'gwhttp'));
    const problem = found.find((d) => d.source === 'gwhttp');
    assert.equal(problem?.range.start.line, 1);
    const editor = await vscode.window.showTextDocument(document);
    await editor.edit((edit) => edit.replace(document.lineAt(1).range, 'X-Fixed: yes'));
    await diagnosticsWhen(
      document.uri,
      (diagnostics) =>
        !diagnostics.some((d) => d.source === 'gwhttp' && d.severity === vscode.DiagnosticSeverity.Error),
    );
  });

  it('offers a quick fix that replaces a Host header carrying a path', async () => {
    const document = await openTempGwhttp(
      '# @sign tencent-keypair id=AKIDhost\nGET http://127.0.0.1:9/release/a\nHost: 127.0.0.1:9/release\n',
    );
    const found = await diagnosticsWhen(document.uri, (diagnostics) =>
      diagnostics.some((d) => /host/i.test(String(d.code))),
    );
    const host = found.find((d) => /host/i.test(String(d.code)))!;
    const actions =
      (await vscode.commands.executeCommand<vscode.CodeAction[]>(
        'vscode.executeCodeActionProvider',
        document.uri,
        host.range,
      )) ?? [];
    const fix = actions.find((action) => action.title.startsWith('Replace the Host header'));
    assert.ok(fix?.edit, `actions: ${actions.map((a) => a.title).join(' | ')}`);
    await vscode.workspace.applyEdit(fix.edit);
    assert.equal(document.lineAt(2).text, 'Host: 127.0.0.1:9');
    assert.ok(path.isAbsolute(document.uri.fsPath));
  });
});
