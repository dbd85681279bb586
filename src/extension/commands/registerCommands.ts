import * as vscode from 'vscode';

import { moveSecretCommandId } from '../language/quickFixes';
import { reportSendError } from '../send/reportSendError';
import type { SendController, SendServices } from '../send/sendController';
import { copyCurl } from './copyCurl';
import { importCommands } from './importCommands';
import { moveSecretToStorage } from './moveSecretToStorage';
import { previewSignature, type SignaturePreviewProvider } from './previewSignature';
import { activeGwhttpUri, requestTarget } from './requestTarget';
import { rerunLast } from './rerunLast';
import { forgetSecret, storeSecret } from './secretCommands';
import { selectEnvironment } from './selectEnvironment';
import { showHistory } from './showHistory';

/** Runs a command body; any failure becomes one clear message (never an unhandled rejection). */
function guarded<A extends unknown[]>(
  services: SendServices,
  name: string,
  body: (...args: A) => Promise<unknown>,
): (...args: A) => Promise<unknown> {
  return async (...args: A) => {
    try {
      return await body(...args);
    } catch (error) {
      // Not a send: its failure is a notification and the response panel keeps what it shows.
      reportSendError(error, name, name, services, { notificationOnly: true });
      return undefined;
    }
  };
}

/** Registers every `gwhttp.*` command; returns their disposables. */
export function registerCommands(
  services: SendServices,
  sender: SendController,
  previews: SignaturePreviewProvider,
): vscode.Disposable[] {
  const { documents, environments, secrets, logger } = services;
  const command = <A extends unknown[]>(id: string, body: (...args: A) => Promise<unknown>): vscode.Disposable =>
    vscode.commands.registerCommand(id, guarded(services, id, body));
  return [
    command('gwhttp.sendRequest', async (uri?: unknown, index?: unknown) => {
      const target = requestTarget(documents, uri, index);
      if (target) await sender.send(target.uri, [target.index]);
    }),
    command('gwhttp.sendAll', async (uri?: unknown) => {
      const target = activeGwhttpUri(uri);
      if (!target) return;
      const parsed = documents.get(await vscode.workspace.openTextDocument(target));
      await sender.send(
        target,
        parsed.requests.map((request) => request.index),
      );
    }),
    command('gwhttp.rerunLast', () => rerunLast(documents, sender)),
    command('gwhttp.showHistory', (index?: unknown) => showHistory(services, index)),
    command('gwhttp.cancelRequest', async () => sender.cancel()),
    command('gwhttp.forgetPrompts', async () => {
      const count = services.prompts.clear();
      logger.info(`Forgot ${count} prompted value${count === 1 ? '' : 's'}.`);
      void vscode.window.showInformationMessage(
        count === 0
          ? 'GW HTTP: no prompted values to forget.'
          : `GW HTTP: forgot ${count} prompted value${count === 1 ? '' : 's'}; the next send asks again.`,
      );
    }),
    command('gwhttp.previewSignature', async (uri?: unknown, index?: unknown) => {
      const target = requestTarget(documents, uri, index);
      if (target) await previewSignature(services, sender, previews, target.uri, target.index);
    }),
    command('gwhttp.copyAsCurl', async (uri?: unknown, index?: unknown) => {
      const target = requestTarget(documents, uri, index);
      if (!target) return;
      const curl = await sender.curlFor(target.uri, target.index);
      if (curl !== null) await copyCurl(curl);
    }),
    command('gwhttp.storeSecret', (keyId?: unknown, secret?: unknown) =>
      storeSecret(documents, secrets, logger, keyId, secret),
    ),
    command('gwhttp.forgetSecret', (keyId?: unknown) => forgetSecret(documents, secrets, logger, keyId)),
    command('gwhttp.forgetOAuth2Tokens', async () => {
      const count = await services.oauth2.forgetAll();
      logger.info(`OAuth2: forgot ${count} token(s); the next send fetches anew.`);
      void vscode.window.showInformationMessage(
        `GW HTTP: forgot ${count} OAuth2 token(s); the next send fetches anew.`,
      );
    }),
    command(moveSecretCommandId, (uri: vscode.Uri, range: vscode.Range, keyId: string | null) =>
      moveSecretToStorage(documents, secrets, logger, uri, range, keyId),
    ),
    command('gwhttp.selectEnvironment', async (name?: unknown) => {
      if (typeof name === 'string' || name === null) await environments.setActive(name);
      else await selectEnvironment(environments);
    }),
    ...importCommands(command, logger),
  ];
}
