// Helpers for the Restricted Mode suite: the fixture folder, a loopback server that records requests,
// and a recorder of the messages the extension shows.
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';

import * as vscode from 'vscode';

import { gwhttpExtension } from '../index';

/** Absolute path of a file in test/fixtures/untrusted-workspace (the folder this run opens). */
export function untrustedFixture(relativePath: string): string {
  return path.join(gwhttpExtension().extensionPath, 'test', 'fixtures', 'untrusted-workspace', relativePath);
}

export interface RecordingServer {
  url: string;
  requests: string[];
  close(): Promise<void>;
}

/** A node:http server on 127.0.0.1:0 that answers 200 and records `METHOD path` of every request. */
export async function startRecordingServer(): Promise<RecordingServer> {
  const requests: string[] = [];
  const server = http.createServer((request, response) => {
    requests.push(`${request.method} ${request.url}`);
    response.end('recorded');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export interface ShownMessage {
  message: string;
  items: string[];
}

type MessageKind = 'showWarningMessage' | 'showErrorMessage';

/**
 * Records every `vscode.window[kind]` call of this extension host's `vscode` API object (the extension
 * and these tests, which live in its folder, share it) and still shows the real notification: each call
 * is passed through unchanged. `restore()` puts the original back.
 */
export function recordMessages(kind: MessageKind): { shown: ShownMessage[]; restore(): void } {
  const shown: ShownMessage[] = [];
  const window = vscode.window as unknown as Record<MessageKind, (...args: unknown[]) => Thenable<unknown>>;
  const original = window[kind];
  window[kind] = (...args: unknown[]) => {
    const items = args.slice(1).filter((item): item is string => typeof item === 'string');
    shown.push({ message: String(args[0]), items });
    return original.apply(vscode.window, args);
  };
  return {
    shown,
    restore: () => {
      window[kind] = original;
    },
  };
}

/** Writes a file into the fixture folder; the caller removes it (see `removeFixtureFile`). */
export function writeFixtureFile(relativePath: string, text: string): string {
  const file = untrustedFixture(relativePath);
  fs.writeFileSync(file, text);
  return file;
}

export function removeFixtureFile(relativePath: string): void {
  fs.rmSync(untrustedFixture(relativePath), { force: true });
}
