import * as vscode from 'vscode';

import { systemClock } from '../../core/ports';
import { loadFileSecrets, runRedactor } from '../../core/redaction';
import { displayedSigningString } from '../../core/signing/displayedSigningString';
import { secretSourcesFor, variableContextFor } from '../send/sendContext';
import type { SendServices } from '../send/sendController';
import { signPrepared } from '../send/signPrepared';
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

/** Signs the request now (placeholder secret if none is stored) and shows what would be sent; never the secret. */
export async function previewSignature(
  services: Pick<SendServices, 'documents' | 'environments' | 'secrets'>,
  provider: SignaturePreviewProvider,
  uri: vscode.Uri,
  index: number,
): Promise<void> {
  const document = await vscode.workspace.openTextDocument(uri);
  const parsed = services.documents.get(document);
  const request = parsed.requests[index];
  const context = variableContextFor(uri, services.environments, new Map());
  const redactor = runRedactor(context.processEnv);
  redactor.addAll(await loadFileSecrets(context));
  const sources = secretSourcesFor(context, services.secrets).map((source) => redactor.watch(source));
  const signed = await signPrepared(parsed, index, context, sources, systemClock, true);
  if (signed.secret) redactor.add(signed.secret);
  redactor.addAll(signed.prepared.secrets ?? []);
  const lines: string[] = [
    `# Signature preview for ${vscode.workspace.asRelativePath(uri)}:${request.line} (${new Date().toUTCString()})`,
  ];
  if (!signed.signing) {
    lines.push('', 'This request is not signed (no Authorization template, # @sign directive or environment default).');
  } else {
    const signing = signed.signing;
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
  const target = vscode.Uri.from({
    scheme: signaturePreviewScheme,
    path: `/${request.name ?? `request-${index + 1}`}.signature.txt`,
    query: `${uri.toString()}#${index}`,
  });
  provider.set(target, redactor.text(lines.join('\n')));
  const preview = await vscode.workspace.openTextDocument(target);
  await vscode.window.showTextDocument(preview, {
    preview: true,
    viewColumn: vscode.ViewColumn.Beside,
    preserveFocus: true,
  });
}
