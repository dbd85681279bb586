import * as vscode from 'vscode';
import { parseWebviewMessage, type BodyAction, type HostMessage, type ResponseViewModel } from '../../shared/protocol';
import { Disposable } from '../util/disposable';
import { createNonce, responseHtml } from './responseHtml';

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

/** One webview panel: created lazily, updated in place, kept in whatever column the user moved it to. */
class ResponsePanel extends Disposable {
  readonly panel: vscode.WebviewPanel;
  private isReady = false;
  private lastMessage: HostMessage | null = null;
  context: ResponseActionContext | null = null;
  lastRendered: { modelId: number; statusText: string } | null = null;

  constructor(extensionUri: vscode.Uri, column: vscode.ViewColumn, onAction: ResponseActionHandler, onDispose: () => void) {
    super();
    const root = vscode.Uri.joinPath(extensionUri, 'dist', 'webview');
    this.panel = vscode.window.createWebviewPanel(responseViewType, 'Response', { viewColumn: column, preserveFocus: true }, {
      enableScripts: true,
      enableForms: false,
      enableCommandUris: false,
      localResourceRoots: [root],
    });
    const webview = this.panel.webview;
    webview.html = responseHtml(webview, webview.asWebviewUri(vscode.Uri.joinPath(root, 'main.js')), webview.asWebviewUri(vscode.Uri.joinPath(root, 'styles.css')), createNonce());
    this.register(webview.onDidReceiveMessage((raw: unknown) => {
      const message = parseWebviewMessage(raw);
      if (!message) return;
      if (message.type === 'ready') {
        this.isReady = true;
        if (this.lastMessage) void webview.postMessage(this.lastMessage);
      } else if (message.type === 'rendered') {
        this.lastRendered = { modelId: message.modelId, statusText: message.statusText };
      } else if (this.context && message.modelId === this.context.model.id) {
        void onAction(message.action, this.context);
      }
    }));
    this.register(this.panel.onDidDispose(() => {
      onDispose();
      this.dispose();
    }));
  }

  post(message: HostMessage, context: ResponseActionContext | null): void {
    this.lastMessage = message;
    if (context || message.type !== 'showResponse') this.context = context;
    this.panel.title = message.type === 'showResponse' ? `Response ${message.model.status.code}: ${message.model.title}` : `Response: ${message.title}`;
    if (this.isReady) void this.panel.webview.postMessage(message);
    // Keep the column the user chose; only bring the panel forward without taking focus.
    if (!this.panel.visible) this.panel.reveal(this.panel.viewColumn, true);
  }
}

/** Hands responses to the panel (or to a new panel per request, if the setting says so). */
export class ResponsePanels extends Disposable {
  private current: ResponsePanel | null = null;
  lastModel: ResponseViewModel | null = null;
  lastMessage: HostMessage | null = null;

  constructor(private readonly extensionUri: vscode.Uri, private readonly onAction: ResponseActionHandler) {
    super();
    this.register({ dispose: () => this.current?.dispose() });
  }

  get lastRendered(): { modelId: number; statusText: string } | null {
    return this.current?.lastRendered ?? null;
  }

  get panel(): vscode.WebviewPanel | null {
    return this.current?.panel ?? null;
  }

  show(message: HostMessage, context: ResponseActionContext | null, newPanel: boolean): void {
    if (message.type === 'showResponse') this.lastModel = message.model;
    this.lastMessage = message;
    if (!this.current || newPanel) {
      const created: ResponsePanel = new ResponsePanel(this.extensionUri, vscode.ViewColumn.Beside, this.onAction, () => {
        if (this.current === created) this.current = null;
      });
      this.current = created;
    }
    this.current.post(message, context);
  }
}
