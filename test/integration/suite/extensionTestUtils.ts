// Helpers for the VS Code experience tests (lenses, send, panel, diagnostics, secrets).
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';

import * as vscode from 'vscode';

import type { GwHttpApi } from '../../../src/extension/extension';
import { gwhttpExtension } from '../index';

export async function gwhttpApi(): Promise<GwHttpApi> {
  return (await gwhttpExtension().activate()) as GwHttpApi;
}

/** Writes `text` to a fresh temp `.gwhttp` file and opens it in an editor. */
export async function openTempGwhttp(text: string, name = 'request.gwhttp'): Promise<vscode.TextDocument> {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'gwhttp-'));
  const file = path.join(folder, name);
  fs.writeFileSync(file, text);
  const document = await vscode.workspace.openTextDocument(file);
  await vscode.window.showTextDocument(document);
  return document;
}

/** Resolves with the diagnostics of `uri` once `accept` says they are the awaited ones. */
export function diagnosticsWhen(
  uri: vscode.Uri,
  accept: (diagnostics: readonly vscode.Diagnostic[]) => boolean,
): Promise<readonly vscode.Diagnostic[]> {
  return new Promise((resolve) => {
    const current = vscode.languages.getDiagnostics(uri);
    if (accept(current)) {
      resolve(current);
      return;
    }
    const listener = vscode.languages.onDidChangeDiagnostics((event) => {
      if (!event.uris.some((changed) => changed.toString() === uri.toString())) return;
      const diagnostics = vscode.languages.getDiagnostics(uri);
      if (!accept(diagnostics)) return;
      listener.dispose();
      resolve(diagnostics);
    });
  });
}

export async function sendLensCount(document: vscode.TextDocument): Promise<number> {
  const lenses =
    (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri)) ?? [];
  return lenses.filter((lens) => lens.command?.title === 'Send Request').length;
}

/**
 * Skips a clipboard test on the VS Code 1.90 floor run: code-server 4.90's web clipboard does not
 * round-trip in headless Chromium (readText is always empty, whatever was written). On any other
 * version a broken clipboard fails the test instead.
 */
export async function skipWhereTheClipboardCannotBeRead(test: Mocha.Context): Promise<void> {
  if (!vscode.version.startsWith('1.90.')) return;
  const probe = `gwhttp-clipboard-probe-${Date.now()}`;
  await vscode.env.clipboard.writeText(probe);
  if ((await vscode.env.clipboard.readText()) !== probe) test.skip();
}

/** A real HTTP server on 127.0.0.1 (port 0) for a host test; `close` ends its connections too. */
export interface LocalServer {
  url: string;
  close(): Promise<void>;
}

export async function startLocalServer(handler: http.RequestListener): Promise<LocalServer> {
  const server = http.createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Answers the modal confirmation as the user would (VS Code's modal dialog cannot be clicked from here). */
export function answerConfirmation(answer: string | undefined): {
  asked: Array<{ message: string; detail: string }>;
  restore(): void;
} {
  const window = vscode.window as unknown as { showWarningMessage: (...args: unknown[]) => Thenable<unknown> };
  const original = window.showWarningMessage;
  const asked: Array<{ message: string; detail: string }> = [];
  window.showWarningMessage = (...args: unknown[]) => {
    const options = args[1] as { modal?: boolean; detail?: string } | undefined;
    if (!options?.modal) return original.apply(vscode.window, args);
    asked.push({ message: String(args[0]), detail: options.detail ?? '' });
    return Promise.resolve(answer);
  };
  return {
    asked,
    restore: () => {
      window.showWarningMessage = original;
    },
  };
}
