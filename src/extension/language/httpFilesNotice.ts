import * as vscode from 'vscode';

import { Disposable } from '../util/disposable';
import { currentHttpFilesDecision, httpLanguageId } from './requestDocuments';

const shownKey = 'gwhttp.httpFilesNoticeShown';

/**
 * Says once (per machine) why an `.http` file has no GW HTTP lenses when `gwhttp.httpFiles` is `auto`
 * and REST Client or httpYac serves the file, and how to change it. Nothing is shown at activation:
 * only when such a file is first in front of the user.
 */
export class HttpFilesNotice extends Disposable {
  constructor(private readonly state: vscode.Memento) {
    super();
    this.register(vscode.window.onDidChangeActiveTextEditor((editor) => this.consider(editor)));
  }

  private consider(editor: vscode.TextEditor | undefined): void {
    if (editor?.document.languageId !== httpLanguageId || this.state.get<boolean>(shownKey)) return;
    const { yieldedTo } = currentHttpFilesDecision();
    if (yieldedTo === null) return;
    void this.state.update(shownKey, true);
    void this.show(yieldedTo);
  }

  private async show(other: string): Promise<void> {
    const use = 'Use GW HTTP for .http Files';
    const settings = 'Open Setting';
    const answer = await vscode.window.showInformationMessage(
      `GW HTTP leaves .http and .rest files to ${other}, so you do not get two rows of Send Request lenses (setting gwhttp.httpFiles: auto). .gwhttp and Markdown files are GW HTTP's as before.`,
      use,
      settings,
    );
    if (answer === use) {
      await vscode.workspace
        .getConfiguration('gwhttp')
        .update('httpFiles', 'always', vscode.ConfigurationTarget.Global);
    } else if (answer === settings) {
      await vscode.commands.executeCommand('workbench.action.openSettings', 'gwhttp.httpFiles');
    }
  }
}
