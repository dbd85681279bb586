import * as vscode from 'vscode';

import { createHttpClient, type HttpClient, type OAuth2Session } from '../../core';
import type { OutputLogger } from '../adapters/outputLogger';
import type { SecretStorageSource } from '../adapters/secretStorageSource';
import type { DocumentCache } from '../language/documentCache';
import type { CookieJars } from '../state/cookieJars';
import type { EnvironmentService } from '../state/environmentService';
import type { PromptedValues } from '../state/promptedValues';
import { Disposable } from '../util/disposable';
import type { ReportedTest } from './reportTestResult';
import { fileItem, isRequestTestDocument, requestFileGlob, setRequestItems } from './requestTestItems';
import { runRequestTests } from './runRequestTests';

export interface TestServices {
  documents: DocumentCache;
  environments: EnvironmentService;
  secrets: SecretStorageSource;
  logger: OutputLogger;
  cookies: CookieJars;
  prompts: PromptedValues;
  oauth2: OAuth2Session;
}

/**
 * Every request file of the workspace in VS Code's Testing view, each request a child item at its
 * lines. Files are found when the view asks (and kept in step by a file watcher); a file's requests
 * when it is expanded, run or open in an editor, and again on every edit.
 */
export class RequestTestController extends Disposable {
  readonly controller: vscode.TestController;
  private client: HttpClient | null = null;
  private watching = false;
  /** What the last run reported per item id (read by the extension-host tests). */
  lastRun: Map<string, ReportedTest> = new Map();

  constructor(private readonly services: TestServices) {
    super();
    this.controller = this.register(vscode.tests.createTestController('gwhttp', 'GW HTTP requests'));
    this.controller.resolveHandler = (item) => (item ? this.resolveFile(item) : this.discover());
    this.controller.refreshHandler = () => this.discover();
    const run = (environment: 'active' | 'ask') => (request: vscode.TestRunRequest, token: vscode.CancellationToken) =>
      this.run(request, token, environment);
    this.register(this.controller.createRunProfile('Run', vscode.TestRunProfileKind.Run, run('active'), true));
    this.register(
      this.controller.createRunProfile('Run in Environment…', vscode.TestRunProfileKind.Run, run('ask'), false),
    );
    this.register(vscode.workspace.onDidOpenTextDocument((document) => this.updateFromDocument(document)));
    this.register(vscode.workspace.onDidChangeTextDocument((event) => this.updateFromDocument(event.document)));
    this.register({ dispose: () => void this.client?.close() });
    for (const document of vscode.workspace.textDocuments) this.updateFromDocument(document);
  }

  /** Runs the given items (all when `include` is undefined) as the default profile does; for tests and commands. */
  runItems(include: readonly vscode.TestItem[] | undefined, token: vscode.CancellationToken): Promise<void> {
    return this.run(new vscode.TestRunRequest(include), token, 'active');
  }

  private updateFromDocument(document: vscode.TextDocument): void {
    if (!isRequestTestDocument(document)) return;
    const parsed = this.services.documents.get(document);
    // A Markdown file is a test file only while it holds requests (most READMEs hold none).
    if (document.languageId === 'markdown' && parsed.requests.length === 0) {
      this.controller.items.delete(document.uri.toString());
      return;
    }
    setRequestItems(this.controller, fileItem(this.controller, document.uri), parsed);
  }

  /** Finds every request file once, then follows creations, deletions and outside changes. */
  private async discover(): Promise<void> {
    if (!this.watching) {
      this.watching = true;
      const watcher = this.register(vscode.workspace.createFileSystemWatcher(requestFileGlob));
      this.register(watcher.onDidCreate((uri) => fileItem(this.controller, uri)));
      this.register(watcher.onDidDelete((uri) => this.controller.items.delete(uri.toString())));
      this.register(watcher.onDidChange((uri) => this.refreshUnopened(uri)));
    }
    const uris = await vscode.workspace.findFiles(requestFileGlob, '**/node_modules/**');
    for (const uri of uris) fileItem(this.controller, uri);
  }

  /** A file changed outside an editor: its requests are read again if they were shown. */
  private async refreshUnopened(uri: vscode.Uri): Promise<void> {
    const item = this.controller.items.get(uri.toString());
    if (!item || item.canResolveChildren) return;
    await this.resolveFile(item);
  }

  async resolveFile(item: vscode.TestItem): Promise<void> {
    if (!item.uri) return;
    try {
      const document = await vscode.workspace.openTextDocument(item.uri);
      setRequestItems(this.controller, item, this.services.documents.get(document));
      item.error = undefined;
    } catch (error) {
      item.error = `Cannot read ${vscode.workspace.asRelativePath(item.uri)}: ${error instanceof Error ? error.message : String(error)}`;
    }
  }

  private async run(
    request: vscode.TestRunRequest,
    token: vscode.CancellationToken,
    environment: 'active' | 'ask',
  ): Promise<void> {
    this.client ??= createHttpClient();
    this.lastRun = await runRequestTests(request, token, {
      controller: this.controller,
      services: this.services,
      client: this.client,
      environment,
      resolveFile: (item) => this.resolveFile(item),
      discover: () => this.discover(),
    });
  }
}
