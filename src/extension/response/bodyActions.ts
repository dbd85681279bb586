import * as vscode from 'vscode';

import { decodeText, mimeEssence } from '../../core';
import type { BodyAction } from '../../shared/protocol';
import type { OutputLogger } from '../adapters/outputLogger';
import { copyCurl } from '../commands/copyCurl';
import type { BodyDocuments } from './bodyDocuments';
import type { ResponseActionContext } from './responsePanel';

const extensionByMime: Record<string, string> = {
  'application/json': 'json',
  'application/xml': 'xml',
  'text/xml': 'xml',
  'text/html': 'html',
  'text/plain': 'txt',
  'text/csv': 'csv',
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/gif': 'gif',
  'application/pdf': 'pdf',
};

async function wholeBody(context: ResponseActionContext): Promise<Uint8Array> {
  if (context.bodyFile) return vscode.workspace.fs.readFile(vscode.Uri.file(context.bodyFile));
  return context.body;
}

/** The whole body as text, decoded as the panel shows it: a BOM, else the Content-Type charset, else UTF-8. */
async function wholeText(context: ResponseActionContext): Promise<string> {
  const bytes = await wholeBody(context);
  return decodeText(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), context.model.contentType, false)
    .text;
}

/** The extension that gives the opened body its editor (language, or an image preview). */
function bodyExtension(context: ResponseActionContext): string {
  const essence = mimeEssence(context.model.contentType);
  return extensionByMime[essence] ?? (essence.endsWith('+json') ? 'json' : essence.endsWith('+xml') ? 'xml' : 'txt');
}

/** Copy, save and open the body, and copy the request as cURL; failures become one clear message. */
export function createBodyActionHandler(
  logger: OutputLogger,
  bodyDocuments: BodyDocuments,
): (action: BodyAction, context: ResponseActionContext) => Promise<void> {
  return async (action, context) => {
    try {
      switch (action) {
        case 'copyBody':
          await vscode.env.clipboard.writeText(await wholeText(context));
          void vscode.window.setStatusBarMessage('GW HTTP: response body copied', 3000);
          return;
        case 'saveBody': {
          const essence = mimeEssence(context.model.contentType);
          const extension = extensionByMime[essence] ?? 'bin';
          const target = await vscode.window.showSaveDialog({
            defaultUri: vscode.Uri.file(`response.${extension}`),
            saveLabel: 'Save Body',
          });
          if (target) await vscode.workspace.fs.writeFile(target, await wholeBody(context));
          return;
        }
        case 'openBody': {
          // A read-only file the editor reads itself: no freeze, no save prompt (see BodyDocuments).
          await bodyDocuments.open({
            modelId: context.model.id,
            body: context.body,
            bodyFile: context.bodyFile,
            contentType: context.model.contentType,
            extension: bodyExtension(context),
          });
          return;
        }
        case 'copyCurl': {
          const curl = await context.curl();
          if (curl !== null) await copyCurl(curl);
          return;
        }
        default: {
          const never: never = action;
          return never;
        }
      }
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      logger.error(`Response action ${action} failed: ${message}`);
      void vscode.window.showErrorMessage(`GW HTTP: ${action} failed: ${message}`);
    }
  };
}
