import * as vscode from 'vscode';

import type { Logger } from '../../core/ports';
import { Redactor } from '../../core/redaction';

/**
 * The extension's log. Every line passes through a `Redactor` that knows every secret seen in this
 * session (stored ones, and each one a run handed out), so no secret reaches the output channel.
 */
export class OutputLogger implements Logger, vscode.Disposable {
  private channel: vscode.LogOutputChannel | undefined;
  private readonly redactor = new Redactor();

  rememberSecret(secret: string): void {
    this.redactor.add(secret);
  }

  /** Every secret a run's redactor knows, masked in the log from now on. */
  rememberSecrets(run: Redactor): void {
    this.redactor.addAll(run.values);
  }

  private get output(): vscode.LogOutputChannel {
    this.channel ??= vscode.window.createOutputChannel('GW HTTP', { log: true });
    return this.channel;
  }

  private clean(message: string): string {
    return this.redactor.text(message);
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
