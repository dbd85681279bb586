import * as vscode from 'vscode';

import { chosenName, describeChoice } from '../../core';
import type { ThrottleView } from '../../shared/protocol';
import { isRequestDocument } from '../language/requestDocuments';
import type { EnvironmentService } from '../state/environmentService';
import { Disposable } from '../util/disposable';

/** Status bar: the active environment (click to switch) and the last throttling usage per key. */
export class StatusBar extends Disposable {
  private readonly environmentItem = this.register(
    vscode.window.createStatusBarItem('gwhttp.environment', vscode.StatusBarAlignment.Left, 50),
  );
  private readonly throttleItem = this.register(
    vscode.window.createStatusBarItem('gwhttp.throttle', vscode.StatusBarAlignment.Left, 49),
  );
  private readonly usage = new Map<string, ThrottleView>();
  /** Counts environment look-ups, so a slower earlier one does not overwrite a later one. */
  private environmentTurn = 0;

  constructor(
    private readonly environments: EnvironmentService,
    /** True for a document whose editor shows the items (a request file). */
    private readonly shownFor: (document: vscode.TextDocument) => boolean = isRequestDocument,
  ) {
    super();
    this.environmentItem.name = 'GW HTTP Environment';
    this.environmentItem.command = 'gwhttp.selectEnvironment';
    this.throttleItem.name = 'GW HTTP Throttling';
    this.register(environments.onDidChange(() => this.refresh()));
    this.register(vscode.window.onDidChangeVisibleTextEditors(() => this.refresh()));
    this.register(vscode.window.onDidChangeActiveTextEditor(() => this.refresh()));
    this.refresh();
  }

  /** The environment of the active request file (or of the first visible one), as chooseEnvironment decides it. */
  private async showEnvironment(): Promise<void> {
    const turn = ++this.environmentTurn;
    const editors = [vscode.window.activeTextEditor, ...vscode.window.visibleTextEditors];
    const document = editors.find((editor) => editor && this.shownFor(editor.document))?.document;
    const choice = document ? await this.environments.choiceFor(document.uri).catch(() => null) : null;
    if (turn !== this.environmentTurn) return;
    const used = choice ? chosenName(choice) : this.environments.activeName;
    this.environmentItem.text = `$(globe) ${used ?? 'No Environment'}`;
    this.environmentItem.tooltip = choice
      ? `GW HTTP: this file is sent with environment ${describeChoice(choice)}. Click to select one.`
      : 'GW HTTP: the environment requests are sent with. Click to select one.';
  }

  recordThrottle(keyId: string | null, throttle: ThrottleView): void {
    this.usage.set(keyId ?? throttle.secretId ?? 'unsigned', throttle);
    this.refresh();
  }

  private refresh(): void {
    // Shown while any request file is visible (also when the response panel has the focus).
    const visible = vscode.window.visibleTextEditors.some((editor) => this.shownFor(editor.document));
    void this.showEnvironment();
    if (visible) this.environmentItem.show();
    else this.environmentItem.hide();
    const entries = [...this.usage.entries()];
    if (entries.length === 0 || !visible) {
      this.throttleItem.hide();
      return;
    }
    const [lastKey, last] = entries[entries.length - 1];
    this.throttleItem.text = `$(dashboard) ${last.usedRaw ?? '?'}${last.percentUsed === null ? '' : ` (${last.percentUsed > 0 && last.percentUsed < 10 ? last.percentUsed.toFixed(1) : Math.round(last.percentUsed)} %)`}`;
    const tooltip = new vscode.MarkdownString('**GW HTTP throttling, last response per key**\n\n');
    for (const [key, state] of entries) {
      tooltip.appendText(
        `${key}: ${state.usedRaw ?? '?'} used${state.usagePlanId ? ` (plan ${state.usagePlanId})` : ''}\n`,
      );
    }
    this.throttleItem.tooltip = tooltip;
    this.throttleItem.accessibilityInformation = {
      label: `Throttling for ${lastKey}: ${last.usedRaw ?? 'unknown'} used`,
    };
    this.throttleItem.show();
  }
}
