import * as path from 'node:path';

import * as vscode from 'vscode';

import { describeIdentity, findRequestAgain } from '../../core';
import type { DocumentCache } from '../language/documentCache';
import type { SendController } from '../send/sendController';

/**
 * Rerun Last Request: finds the request sent last again by its name (or title, method and URL) and
 * sends it; refuses, saying why, when it is gone, changed or no longer unique, and after Send All
 * (re-sending a whole run would repeat requests that create things). Resolves with the refusal, if any.
 */
export async function rerunLast(documents: DocumentCache, sender: SendController): Promise<string | null> {
  const last = sender.lastSent;
  if (!last) return refuse('nothing was sent yet in this window.');
  const file = path.basename(last.uri.fsPath || last.uri.path);
  if (last.kind === 'run') {
    return refuse(
      `the last send was Send All (${last.count} requests of ${file}); Rerun Last Request re-sends a single request only. Run "Send All Requests in File" again to repeat the run.`,
    );
  }
  const document = await vscode.workspace.openTextDocument(last.uri).then(
    (opened) => opened,
    () => null,
  );
  const what = describeIdentity(last.identity);
  if (!document) return refuse(`${file} cannot be opened any more, so ${what} was not sent again.`);
  const found = findRequestAgain(documents.get(document), last.identity);
  switch (found.kind) {
    case 'found':
      await sender.send(last.uri, [found.index]);
      return null;
    case 'gone':
      return refuse(`${what} is no longer in ${file}; nothing was sent. Send a request with its Send Request lens.`);
    case 'changed':
      return refuse(
        `${what} was changed: line ${found.line} of ${file} now reads ${found.now.method} ${found.now.url}; nothing was sent. Send it with its Send Request lens if that is meant.`,
      );
    case 'ambiguous':
      return refuse(
        `${what} is now in ${file} ${found.lines.length} times (lines ${found.lines.join(', ')}); nothing was sent. Send the one you mean with its Send Request lens.`,
      );
  }
}

function refuse(reason: string): string {
  const message = `GW HTTP: Rerun Last Request: ${reason}`;
  void vscode.window.showWarningMessage(message);
  return message;
}
