import * as vscode from 'vscode';

import { parseWebviewMessage } from '../../shared/parseMessages';
import type { BodyAction, HostMessage, ResponseViewModel, SavedPanelState } from '../../shared/protocol';
import { Disposable } from '../util/disposable';
import { createNonce, responseHtml } from './responseHtml';
import { bodyGoneMessage, restoredMessage } from './restoredMessage';

export const responseViewType = 'gwhttp.response';

/** What the panel's actions (copy, save, open, cURL) need about the response it shows. */
export interface ResponseActionContext {
  model: ResponseViewModel;
  body: Uint8Array;
  bodyFile: string | null;
  /** A freshly signed cURL command, or null when the user did not grant workspace trust. */
  curl: () => Promise<string | null>;
}

export type ResponseActionHandler = (action: BodyAction, context: ResponseActionContext) => Promise<void>;

/** The options of every response webview, new or restored: scripts only from dist/webview, no forms, no command URIs. */
export function responseWebviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
  return {
    enableScripts: true,
    enableForms: false,
    enableCommandUris: false,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist', 'webview')],
  };
}

function panelTitle(message: HostMessage): string {
  if (message.type === 'showResponse') return `Response ${message.model.status.code}: ${message.model.title}`;
  return message.type === 'showPending' ? `Sending: ${message.title}` : `Response: ${message.title}`;
}

/** One webview panel (created for a send or restored after a reload): updated in place, kept in the user's column. */
class ResponsePanel extends Disposable {
  private isReady = false;
  private lastMessage: HostMessage | null = null;
  private context: ResponseActionContext | null = null;
  lastRendered: { modelId: number; statusText: string } | null = null;
  /** True while the panel shows a response restored after a reload: the host has no body bytes for it. */
  restored = false;

  constructor(
    readonly panel: vscode.WebviewPanel,
    extensionUri: vscode.Uri,
    private readonly onAction: ResponseActionHandler,
    onDispose: () => void,
  ) {
    super();
    const webview = panel.webview;
    const root = vscode.Uri.joinPath(extensionUri, 'dist', 'webview');
    webview.options = responseWebviewOptions(extensionUri);
    // The static shell with a fresh nonce every time, also for a restored panel.
    webview.html = responseHtml(
      webview,
      webview.asWebviewUri(vscode.Uri.joinPath(root, 'main.js')),
      webview.asWebviewUri(vscode.Uri.joinPath(root, 'styles.css')),
      createNonce(),
    );
    this.register(webview.onDidReceiveMessage((raw: unknown) => this.receive(raw)));
    this.register(
      panel.onDidDispose(() => {
        onDispose();
        this.dispose();
      }),
    );
  }

  /** What the panel shows now. */
  get shown(): HostMessage | null {
    return this.lastMessage;
  }

  get shownModelId(): number | null {
    return this.lastMessage?.type === 'showResponse' ? this.lastMessage.model.id : null;
  }

  private receive(raw: unknown): void {
    const message = parseWebviewMessage(raw);
    if (!message) return;
    if (message.type === 'ready') {
      this.isReady = true;
      if (this.lastMessage) void this.panel.webview.postMessage(this.lastMessage);
    } else if (message.type === 'rendered') {
      this.lastRendered = { modelId: message.modelId, statusText: message.statusText };
    } else if (message.type === 'cancel') {
      void vscode.commands.executeCommand('gwhttp.cancelRequest');
    } else {
      void this.act(message.action, message.modelId);
    }
  }

  /** Runs an action on the shown response; on a restored one, says to send again. Returns what the user was told. */
  async act(action: BodyAction, modelId: number): Promise<string | null> {
    if (this.context && modelId === this.context.model.id) {
      await this.onAction(action, this.context);
      return null;
    }
    if (modelId !== this.shownModelId) return null;
    // The shown response has no body in memory: restored after a reload, or too large for the history.
    const notice = bodyGoneMessage(action, this.restored ? 'reload' : 'history');
    void vscode.window.showWarningMessage(notice);
    return notice;
  }

  post(message: HostMessage, context: ResponseActionContext | null): void {
    this.lastMessage = message;
    this.restored = false;
    this.context = context;
    this.panel.title = panelTitle(message);
    if (this.isReady) void this.panel.webview.postMessage(message);
    // Keep the column the user chose; only bring the panel forward without taking focus.
    if (!this.panel.visible) this.panel.reveal(this.panel.viewColumn, true);
  }

  /** Shows what the panel showed before the reload (already redacted); the body bytes are gone. */
  restore(message: HostMessage): void {
    this.lastMessage = message;
    this.restored = true;
    this.context = null;
    this.panel.title = panelTitle(message);
    if (this.isReady) void this.panel.webview.postMessage(message);
  }
}

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
  show(message: HostMessage, context: ResponseActionContext | null, newPanel: boolean): void {
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
    this.current.post(message, context);
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
