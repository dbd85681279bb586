import * as vscode from 'vscode';

import { type Logger, Redactor } from '../../core';

/**
 * The extension's log. Every line passes through a `Redactor` that knows every secret seen in this
 * session (stored ones, and each one a run handed out), so no secret reaches the output channel.
 */
export class OutputLogger implements Logger, vscode.Disposable {
  private channel: vscode.LogOutputChannel | undefined;
  private readonly redactor = new Redactor();
  /** The last lines written, as written (what the extension-host tests read). */
  private readonly recent: string[] = [];

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

  /** The last lines written to the channel (at most 200), secrets masked as they were. */
  get recentLines(): readonly string[] {
    return this.recent;
  }

  private clean(message: string): string {
    const line = this.redactor.text(message);
    this.recent.push(line);
    if (this.recent.length > 200) this.recent.shift();
    return line;
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
