import * as vscode from 'vscode';

import type { Logger } from '../../core/ports';
import { redactSecrets } from '../../core/presentation/redactSecrets';

/**
 * The extension's log. Every line passes through `redactSecrets` with the secrets seen in this
 * session, so a secret that slipped into an error message never reaches the output channel.
 */
export class OutputLogger implements Logger, vscode.Disposable {
  private channel: vscode.LogOutputChannel | undefined;
  private readonly knownSecrets = new Set<string>();

  rememberSecret(secret: string): void {
    this.knownSecrets.add(secret);
  }

  private get output(): vscode.LogOutputChannel {
    this.channel ??= vscode.window.createOutputChannel('GW HTTP', { log: true });
    return this.channel;
  }

  private clean(message: string): string {
    return redactSecrets(message, [...this.knownSecrets]);
  }

  info(message: string): void {
    this.output.info(this.clean(message));
  }

  warn(message: string): void {
    this.output.warn(this.clean(message));
  }

  error(message: string): void {
    this.output.error(this.clean(message));
  }

  show(): void {
    this.output.show(true);
  }

  dispose(): void {
    this.channel?.dispose();
  }
}
