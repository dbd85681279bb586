import * as vscode from 'vscode';

import type { CurlCopy } from '../../core';
import { parseWebviewMessage } from '../../shared/parseMessages';
import type { BodyAction, HostMessage, ResponseViewModel } from '../../shared/protocol';
import { Disposable } from '../util/disposable';
import { createNonce, responseHtml } from './responseHtml';
import { bodyGoneMessage } from './restoredMessage';

/** What the panel's actions (copy, save, open, cURL) need about the response it shows. */
export interface ResponseActionContext {
  model: ResponseViewModel;
  body: Uint8Array;
  bodyFile: string | null;
  /** A freshly signed cURL command, or null when the user did not grant workspace trust. */
  curl: () => Promise<CurlCopy | null>;
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
export class ResponsePanel extends Disposable {
  private isReady = false;
  private lastMessage: HostMessage | null = null;
  private context: ResponseActionContext | null = null;
  /** What the buttons of the failure shown do, by their place. */
  private failureRuns: readonly (() => void)[] = [];
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
    } else if (message.type === 'failureAction') {
      this.failureRuns[message.index]?.();
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

  post(message: HostMessage, context: ResponseActionContext | null, failureRuns: readonly (() => void)[] = []): void {
    this.lastMessage = message;
    this.restored = false;
    this.context = context;
    this.failureRuns = failureRuns;
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
    this.failureRuns = [];
    this.panel.title = panelTitle(message);
    if (this.isReady) void this.panel.webview.postMessage(message);
  }
}
