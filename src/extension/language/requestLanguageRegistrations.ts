import * as vscode from 'vscode';

import { Disposable } from '../util/disposable';
import {
  currentHttpFilesDecision,
  gwhttpLanguageId,
  httpLanguageId,
  markdownLanguageId,
  markdownServed,
} from './requestDocuments';

/** The context key menus and keybindings use: true while gwhttp serves `http` files. */
export const httpFilesContextKey = 'gwhttp.httpFiles';

/**
 * Registers the language features for each language gwhttp serves: `gwhttp` always, `http` while
 * `gwhttp.httpFiles` (and the other installed extensions) say so, Markdown while `gwhttp.markdown` is on.
 * A change of either setting, or an extension installed or removed, registers or disposes them at once.
 */
export class RequestLanguageRegistrations extends Disposable {
  private readonly changed = this.register(new vscode.EventEmitter<void>());
  /** Fires when a language starts or stops being served. */
  readonly onDidChange = this.changed.event;
  private readonly active = new Map<string, vscode.Disposable[]>();

  constructor(private readonly featuresFor: (languageId: string) => vscode.Disposable[]) {
    super();
    this.register({ dispose: () => this.active.forEach((registrations) => disposeAll(registrations)) });
    this.register(
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('gwhttp.httpFiles') || event.affectsConfiguration('gwhttp.markdown')) {
          this.update();
        }
      }),
    );
    this.register(vscode.extensions.onDidChange(() => this.update()));
    this.update();
  }

  /** True while the features of `languageId` are registered. */
  serves(languageId: string): boolean {
    return this.active.has(languageId);
  }

  private update(): void {
    if (this.disposed) return;
    const http = currentHttpFilesDecision();
    const wanted: [string, boolean][] = [
      [gwhttpLanguageId, true],
      [httpLanguageId, http.served],
      [markdownLanguageId, markdownServed()],
    ];
    let changed = false;
    for (const [languageId, served] of wanted) {
      const current = this.active.get(languageId);
      if (served === (current !== undefined)) continue;
      changed = true;
      if (current) {
        disposeAll(current);
        this.active.delete(languageId);
      } else {
        this.active.set(languageId, this.featuresFor(languageId));
      }
    }
    void vscode.commands.executeCommand('setContext', httpFilesContextKey, http.served);
    if (changed) this.changed.fire();
  }
}

function disposeAll(registrations: readonly vscode.Disposable[]): void {
  for (const registration of registrations) registration.dispose();
}
