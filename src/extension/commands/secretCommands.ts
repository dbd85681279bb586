import * as vscode from 'vscode';

import { keyIdsInRequests } from '../../core';
import type { OutputLogger } from '../adapters/outputLogger';
import type { SecretStorageSource } from '../adapters/secretStorageSource';
import type { DocumentCache } from '../language/documentCache';
import { isRequestDocument } from '../language/requestDocuments';

/** Key ids offered: those written in the open `.gwhttp` file, plus "another key id…". */
async function pickKeyId(documents: DocumentCache, title: string, given: unknown): Promise<string | undefined> {
  if (typeof given === 'string' && given.trim() !== '') return given.trim();
  const editor = vscode.window.activeTextEditor;
  const ids =
    editor && isRequestDocument(editor.document) ? keyIdsInRequests(documents.get(editor.document).requests) : [];
  const other = 'Another key id…';
  const picked =
    ids.length === 0
      ? other
      : await vscode.window.showQuickPick([...ids, other], {
          title,
          placeHolder: 'Key id (SecretId / username / keyId)',
        });
  if (picked !== other) return picked;
  const typed = await vscode.window.showInputBox({
    title,
    prompt: 'Key id (SecretId / username / keyId)',
    ignoreFocusOut: true,
  });
  return typed?.trim() || undefined;
}

export async function storeSecret(
  documents: DocumentCache,
  secrets: SecretStorageSource,
  logger: OutputLogger,
  keyIdArgument?: unknown,
  secretArgument?: unknown,
): Promise<boolean> {
  const title = 'GW HTTP: Store Secret Key';
  const keyId = await pickKeyId(documents, title, keyIdArgument);
  if (!keyId) return false;
  const secret =
    typeof secretArgument === 'string'
      ? secretArgument
      : await vscode.window.showInputBox({
          title,
          prompt: `Secret key for ${keyId} (kept in VS Code SecretStorage, never written to a file)`,
          password: true,
          ignoreFocusOut: true,
        });
  if (!secret) return false;
  logger.rememberSecret(secret);
  await secrets.store(keyId, secret);
  logger.info(`Stored the secret key for ${keyId} in SecretStorage.`);
  void vscode.window.setStatusBarMessage(`GW HTTP: secret key for ${keyId} stored`, 4000);
  return true;
}

export async function forgetSecret(
  documents: DocumentCache,
  secrets: SecretStorageSource,
  logger: OutputLogger,
  keyIdArgument?: unknown,
): Promise<boolean> {
  const keyId = await pickKeyId(documents, 'GW HTTP: Forget Secret Key', keyIdArgument);
  if (!keyId) return false;
  await secrets.forget(keyId);
  logger.info(`Removed the secret key for ${keyId} from SecretStorage.`);
  void vscode.window.setStatusBarMessage(`GW HTTP: secret key for ${keyId} forgotten`, 4000);
  return true;
}
