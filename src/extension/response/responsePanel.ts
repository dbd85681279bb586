import * as vscode from 'vscode';

import type {
  BodyAction,
  FailureMessage,
  HostMessage,
  ResponseViewModel,
  SavedPanelState,
} from '../../shared/protocol';
import { Disposable } from '../util/disposable';
import {
  type ResponseActionContext,
  type ResponseActionHandler,
  ResponsePanel,
  responseWebviewOptions,
} from './responsePanelView';
import { restoredMessage } from './restoredMessage';

export type { ResponseActionContext, ResponseActionHandler } from './responsePanelView';

export const responseViewType = 'gwhttp.response';

/** Hands responses to the panel (or to a new panel per request, if the setting says so). */
export class ResponsePanels extends Disposable {
  private current: ResponsePanel | null = null;
  private readonly open = new Set<ResponsePanel>();
  lastModel: ResponseViewModel | null = null;
  lastMessage: HostMessage | null = null;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly onAction: ResponseActionHandler,
  ) {
    super();
    this.register({ dispose: () => [...this.open].forEach((panel) => panel.dispose()) });
  }

  get lastRendered(): { modelId: number; statusText: string } | null {
    return this.current?.lastRendered ?? null;
  }

  get panel(): vscode.WebviewPanel | null {
    return this.current?.panel ?? null;
  }

  private attach(panel: vscode.WebviewPanel): ResponsePanel {
    const attached: ResponsePanel = new ResponsePanel(panel, this.extensionUri, this.onAction, () => {
      this.open.delete(attached);
      if (this.current === attached) this.current = null;
    });
    this.open.add(attached);
    return attached;
  }

  private remember(message: HostMessage): void {
    if (message.type === 'showResponse') this.lastModel = message.model;
    this.lastMessage = message;
  }

  /**
   * Shows a message in the panel, or in a new one when `newPanel` (the setting): a response follows its
   * in-flight state in the panel that shows it.
   */
  show(
    message: HostMessage,
    context: ResponseActionContext | null,
    newPanel: boolean,
    failureRuns: readonly (() => void)[] = [],
  ): void {
    // A failure after the request went on the wire is not "Not sent".
    if (message.type === 'showFailure' && !message.heading && this.current?.shown?.type === 'showPending') {
      message = { ...message, heading: 'No response' };
    }
    this.remember(message);
    if (!this.current || (newPanel && this.current.shown?.type !== 'showPending')) {
      const column = { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true };
      this.current = this.attach(
        vscode.window.createWebviewPanel(
          responseViewType,
          'Response',
          column,
          responseWebviewOptions(this.extensionUri),
        ),
      );
    }
    this.current.post(message, context, failureRuns);
  }

  /**
   * Takes over a panel VS Code restored after a reload (see responsePanelSerializer): it shows the saved
   * response again and becomes the panel the next send reuses, unless a panel of this window already is.
   */
  restore(panel: vscode.WebviewPanel, state: SavedPanelState | null): void {
    const message = restoredMessage(state);
    const restored = this.attach(panel);
    restored.restore(message);
    if (this.current && !this.current.restored) return;
    this.current = restored;
    this.remember(message);
  }

  /** A send that failed, in the panel (opened if need be), with buttons that run `actions`. */
  showFailure(
    failure: Omit<FailureMessage, 'type' | 'actions'>,
    actions: readonly { label: string; run: () => void }[],
  ): void {
    const message: FailureMessage = { type: 'showFailure', ...failure, actions: actions.map((action) => action.label) };
    this.show(
      message,
      null,
      false,
      actions.map((action) => action.run),
    );
  }

  /** After a cancelled send: the panel's in-flight state becomes what happened (nothing else changes). */
  settlePending(outcome: string): void {
    const shown = this.current?.shown;
    if (shown?.type !== 'showPending') return;
    const failure = { title: shown.title, source: shown.source, message: outcome, hint: null, heading: 'Cancelled' };
    this.show({ type: 'showFailure', ...failure }, null, false);
  }

  /** The action path of the current panel for the response it shows, as if its button were clicked (for tests). */
  act(action: BodyAction): Promise<string | null> {
    const id = this.current?.shownModelId ?? null;
    return this.current && id !== null ? this.current.act(action, id) : Promise.resolve(null);
  }
}
