// Prompts through the editor (# @prompt, {{$password}}, {{$pick}}: the input box and quick pick, remembered
// for the window, Forget Prompted Values, Escape cancels quietly) and the response history on disk.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';

import * as vscode from 'vscode';

import { HistoryFile } from '../../../src/extension/state/historyFile';
import { ResponseHistory } from '../../../src/extension/state/responseHistory';
import { gwhttpApi, type LocalServer, openTempGwhttp, startLocalServer } from './extensionTestUtils';

const secret = 'Prompted-Secret-4f9a2c';

interface Asked {
  kind: 'input' | 'pick';
  options: Record<string, unknown>;
  items?: readonly string[];
}

/** Answers the input box and quick pick as a user would (in turn from `answers`; undefined = Escape); counts error toasts. */
function answerPrompts(answers: (string | undefined)[]): { asked: Asked[]; errors: string[]; restore(): void } {
  const window = vscode.window as unknown as Record<string, (...args: unknown[]) => Thenable<unknown>>;
  const originals = {
    showInputBox: window.showInputBox,
    showQuickPick: window.showQuickPick,
    showErrorMessage: window.showErrorMessage,
  };
  const asked: Asked[] = [];
  const errors: string[] = [];
  window.showInputBox = (options: unknown) => {
    asked.push({ kind: 'input', options: options as Record<string, unknown> });
    return Promise.resolve(answers.shift());
  };
  window.showQuickPick = (items: unknown, options: unknown) => {
    asked.push({ kind: 'pick', options: options as Record<string, unknown>, items: items as string[] });
    return Promise.resolve(answers.shift());
  };
  window.showErrorMessage = (...args: unknown[]) => {
    errors.push(String(args[0]));
    return originals.showErrorMessage.apply(vscode.window, args);
  };
  return {
    asked,
    errors,
    restore: () => Object.assign(window, originals),
  };
}

describe('Prompts and the response history on disk (extension host)', function () {
  this.timeout(60_000);
  let server: LocalServer;
  const received: { url: string; password: string | undefined }[] = [];
  let asked: vscode.TextDocument | null = null;

  before(async () => {
    server = await startLocalServer((request, response) => {
      const password = request.headers['x-password'] as string | undefined;
      received.push({ url: request.url ?? '', password });
      response.setHeader('Content-Type', 'application/json');
      response.end(JSON.stringify({ echoed: password, url: request.url }));
    });
    await gwhttpApi();
    await vscode.commands.executeCommand('gwhttp.forgetPrompts');
  });
  after(async () => {
    await vscode.workspace.getConfiguration('gwhttp.history').update('saveToDisk', undefined, true);
    await vscode.commands.executeCommand('gwhttp.forgetPrompts');
    await server.close();
  });

  const text = () =>
    [
      '### Cancel an order',
      '# @prompt orderId Order to cancel',
      `DELETE ${server.url}/orders/{{orderId}}?stage={{$pick dev|prod}}`,
      'X-Password: {{$password Your password}}',
      '',
    ].join('\n');

  it('asks with the input box (masked for $password) and the quick pick, then sends; the panel masks the answer', async () => {
    const api = await gwhttpApi();
    const document = await openTempGwhttp(text(), 'prompts.gwhttp');
    asked = document;
    const prompts = answerPrompts(['42', 'prod', secret]);
    try {
      await vscode.commands.executeCommand('gwhttp.sendRequest', document.uri, 0);
    } finally {
      prompts.restore();
    }
    assert.deepEqual(
      prompts.asked.map((one) => [one.kind, one.options.password ?? null]),
      [
        ['input', false],
        ['pick', null],
        ['input', true],
      ],
    );
    assert.match(String(prompts.asked[0].options.prompt), /Order to cancel \(.*prompts\.gwhttp:2\)/);
    assert.deepEqual(prompts.asked[1].items, ['dev', 'prod']);
    assert.deepEqual(received.at(-1), { url: '/orders/42?stage=prod', password: secret });
    const shown = JSON.stringify(api.lastResponseModel());
    assert.ok(shown.includes('/orders/42?stage=prod'), shown);
    assert.ok(!shown.includes(secret), 'the password the server echoed is masked in the panel');
    assert.deepEqual(prompts.errors, []);
  });

  it('remembers the answers for the window; Forget Prompted Values asks again; Escape cancels without an error', async () => {
    assert.ok(asked, 'the first test sent a file');
    const document = asked;
    await vscode.window.showTextDocument(document);
    const again = answerPrompts([]);
    try {
      await vscode.commands.executeCommand('gwhttp.sendRequest', document.uri, 0);
    } finally {
      again.restore();
    }
    assert.equal(again.asked.length, 0, 'answers of the same file are remembered');
    // A new temp folder: another file, so its answers are its own.
    const count = received.length;
    const other = await openTempGwhttp(text(), 'prompts.gwhttp');
    const escape = answerPrompts([undefined]);
    try {
      await vscode.commands.executeCommand('gwhttp.sendRequest', other.uri, 0);
    } finally {
      escape.restore();
    }
    assert.equal(escape.asked.length, 1, 'Escape on the first prompt asks nothing more');
    assert.equal(received.length, count, 'nothing was sent');
    assert.deepEqual(escape.errors, [], 'a cancelled prompt is no error');
    await vscode.commands.executeCommand('gwhttp.forgetPrompts');
    const forgotten = answerPrompts(['7', 'dev', secret]);
    try {
      await vscode.commands.executeCommand('gwhttp.sendRequest', document.uri, 0);
    } finally {
      forgotten.restore();
    }
    assert.equal(forgotten.asked.length, 3, 'asked again after Forget Prompted Values');
    assert.deepEqual(received.at(-1), { url: '/orders/7?stage=dev', password: secret });
  });

  it('with gwhttp.history.saveToDisk keeps the history in the workspace storage, redacted, and reads it back', async () => {
    const api = await gwhttpApi();
    const file = api.historyFile();
    assert.ok(file, 'the workspace has storage');
    await vscode.workspace.getConfiguration('gwhttp.history').update('saveToDisk', true, true);
    const document = await openTempGwhttp(text(), 'history.gwhttp');
    const prompts = answerPrompts(['99', 'dev', secret]);
    try {
      await vscode.commands.executeCommand('gwhttp.sendRequest', document.uri, 0);
    } finally {
      prompts.restore();
    }
    await api.historySaved();
    const stored = fs.readFileSync(file, 'utf8');
    assert.ok(stored.includes('/orders/99?stage=dev'), 'the last send is stored');
    assert.ok(!stored.includes(secret), 'the prompted password is not on disk');
    const warnings: string[] = [];
    const reloaded = await new ResponseHistory(
      () => ({ saveToDisk: true, maxEntries: 50 }),
      new HistoryFile(file, (message) => warnings.push(message)),
    ).list();
    assert.deepEqual(warnings, []);
    assert.equal(reloaded[0].model.title, 'Cancel an order');
    assert.equal(reloaded[0].fromDisk, true);
    assert.equal(JSON.stringify(reloaded[0].model), JSON.stringify(api.lastResponseModel()));
    // Shown again from history as a reloaded one is.
    await vscode.commands.executeCommand('gwhttp.showHistory', 0);
    assert.ok(api.lastResponseModel()?.notes.some((note) => note.startsWith('From the response history')));
  });
});
