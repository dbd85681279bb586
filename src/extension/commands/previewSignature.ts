import * as vscode from 'vscode';

import {
  displayedSigningString,
  loadFileSecrets,
  prepareAndSign,
  previewPlaceholderSecret,
  type Redactor,
  runRedactor,
  type SignedOutgoing,
} from '../../core';
import { reportSendError } from '../send/reportSendError';
import { editorSignContext } from '../send/sendContext';
import { requestTitle, type SendController, type SendServices } from '../send/sendController';
import { Disposable } from '../util/disposable';

export const signaturePreviewScheme = 'gwhttp-signature';

/** Read-only virtual documents holding signature previews. */
export class SignaturePreviewProvider extends Disposable implements vscode.TextDocumentContentProvider {
  private readonly contents = new Map<string, string>();
  private readonly changed = this.register(new vscode.EventEmitter<vscode.Uri>());
  readonly onDidChange = this.changed.event;

  constructor() {
    super();
    this.register(vscode.workspace.onDidCloseTextDocument((document) => this.contents.delete(document.uri.toString())));
  }

  set(uri: vscode.Uri, content: string): void {
    this.contents.set(uri.toString(), content);
    this.changed.fire(uri);
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.contents.get(uri.toString()) ?? '';
  }
}

/**
 * Signs the request now (placeholder secret if none is stored) and shows what would be sent; never the
 * secret. A chained request has its dependencies sent first, as Send does. A failure is told in a
 * notification (the preview's own surface): the response panel keeps what it shows.
 */
export async function previewSignature(
  services: Pick<SendServices, 'documents' | 'environments' | 'secrets' | 'logger' | 'panels' | 'prompts' | 'oauth2'>,
  sender: Pick<SendController, 'dependenciesFor'>,
  provider: SignaturePreviewProvider,
  uri: vscode.Uri,
  index: number,
): Promise<void> {
  const document = await vscode.workspace.openTextDocument(uri);
  const parsed = services.documents.get(document);
  const request = parsed.requests[index];
  const title = `Preview Signature of ${requestTitle(request)}`;
  const source = `${vscode.workspace.asRelativePath(uri)}:${request.line}`;
  const notifyOnly = { notificationOnly: true };
  try {
    const dependencies = await sender.dependenciesFor(uri, parsed, index);
    if (dependencies === null) return;
    if ('failed' in dependencies) {
      reportSendError(dependencies.failed.error ?? 'not sent', source, title, services, notifyOnly);
      return;
    }
    const sign = editorSignContext(uri, services);
    const redactor = runRedactor(sign.variables.processEnv);
    const signed = await prepareAndSign(parsed, request, dependencies.chain, {
      ...sign,
      secretSources: sign.secretSources.map((source) => redactor.watch(source)),
      placeholderSecret: previewPlaceholderSecret,
    });
    redactor.addAll([...signed.secrets, ...(signed.prepared.secrets ?? [])]);
    redactor.addAll(await loadFileSecrets(sign.variables));
    const target = vscode.Uri.from({
      scheme: signaturePreviewScheme,
      path: `/${request.name ?? `request-${index + 1}`}.signature.txt`,
      query: `${uri.toString()}#${index}`,
    });
    provider.set(target, redactor.text(previewText(signed, `${source} (${signed.signedAt.toUTCString()})`, redactor)));
    const preview = await vscode.workspace.openTextDocument(target);
    await vscode.window.showTextDocument(preview, {
      preview: true,
      viewColumn: vscode.ViewColumn.Beside,
      preserveFocus: true,
    });
  } catch (error) {
    reportSendError(error, source, title, services, notifyOnly);
  }
}

/** The preview document: the signing (or that there is none), then the request line and headers. */
function previewText(signed: SignedOutgoing, heading: string, redactor: Redactor): string {
  const lines: string[] = [`# Signature preview for ${heading}`];
  const signing = signed.signing;
  if (!signing) {
    lines.push('', 'This request is not signed (no Authorization template, # @sign directive or environment default).');
  } else {
    if (signed.usedPlaceholder) {
      lines.push(
        `# No secret key is stored for ${signing.keyId}: the signature below uses a placeholder. Run "GW HTTP: Store Secret Key…".`,
      );
    }
    lines.push('# The secret key is never shown. The signature is only valid for a few minutes.', '');
    lines.push(
      `Scheme:          ${signing.scheme}`,
      `Algorithm:       ${signing.algorithm}`,
      `Key id:          ${signing.keyId}`,
      `Signed headers:  ${signing.signedHeaders.join(' ')}`,
    );
    lines.push('', '## Signing string', displayedSigningString(signing), '', '## Authorization', signing.authorization);
  }
  lines.push(
    '',
    '## Request',
    `${signed.request.method} ${signed.request.url}`,
    ...redactor.headers(signed.request.headers).map((header) => `${header.name}: ${header.value}`),
  );
  return lines.join('\n');
}
