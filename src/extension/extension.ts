import * as path from 'node:path';

import * as vscode from 'vscode';

import { OAuth2Session, systemClock } from '../core';
import type { BodyAction, HostMessage, ResponseViewModel } from '../shared/protocol';
import { OutputLogger } from './adapters/outputLogger';
import { SecretStorageSource } from './adapters/secretStorageSource';
import { SecretStorageTokenStore } from './adapters/secretStorageTokenStore';
import { readHistorySettings } from './adapters/settings';
import { vscodeOAuth2Interaction } from './adapters/vscodeOAuth2Interaction';
import { SignaturePreviewProvider, signaturePreviewScheme } from './commands/previewSignature';
import { registerCommands } from './commands/registerCommands';
import { editorIntelligence } from './intelligence/registerEditorIntelligence';
import { GwHttpCodeLensProvider } from './language/codeLensProvider';
import { DiagnosticsController } from './language/diagnosticsController';
import { DocumentCache } from './language/documentCache';
import { HttpFilesNotice } from './language/httpFilesNotice';
import { QuickFixProvider } from './language/quickFixes';
import { isRequestDocument, markdownLanguageId } from './language/requestDocuments';
import { RequestLanguageRegistrations } from './language/requestLanguageRegistrations';
import { createBodyActionHandler } from './response/bodyActions';
import { BodyDocuments } from './response/bodyDocuments';
import { ResponsePanels, responseViewType } from './response/responsePanel';
import { responsePanelSerializer } from './response/responsePanelSerializer';
import { SendController } from './send/sendController';
import { CookieJars } from './state/cookieJars';
import { EnvironmentService } from './state/environmentService';
import { HistoryFile, historyFileName } from './state/historyFile';
import { PromptedValues } from './state/promptedValues';
import { RequestOutcomes } from './state/requestOutcomes';
import { ResponseHistory } from './state/responseHistory';
import { StatusBar } from './status/statusBar';
import { RequestTestController } from './testing/requestTestController';

/** What `activate` returns: a small API the extension-host tests read. */
export interface GwHttpApi {
  lastResponseModel(): ResponseViewModel | null;
  /** What the webview last reported rendering (proves the page and its script work). */
  lastRendered(): { modelId: number; statusText: string } | null;
  lastPanelMessage(): HostMessage | null;
  responsePanel(): vscode.WebviewPanel | null;
  /** Restores `gwhttp.response` panels after a window reload (registered with VS Code in activate). */
  panelSerializer: vscode.WebviewPanelSerializer<unknown>;
  /** Runs a panel action on the shown response as its button would; resolves with any notice shown. */
  responseAction(action: BodyAction): Promise<string | null>;
  /** The last Send All summary (`GW HTTP: 3 requests: 2 passed, 1 failed.`), or null. */
  lastRunSummary(): string | null;
  /** The last lines written to the GW HTTP output channel, as written (secrets masked). */
  logLines(): readonly string[];
  documents: DocumentCache;
  diagnostics: DiagnosticsController;
  codeLenses: GwHttpCodeLensProvider;
  /** The Test Explorer's controller: items, and what its last run reported. */
  tests: RequestTestController;
  /** Which languages gwhttp serves now (`gwhttp`, `http`, `markdown`). */
  languages: RequestLanguageRegistrations;
  activationMs: number;
  /** Where the response history is kept with `gwhttp.history.saveToDisk` (null without workspace storage). */
  historyFile(): string | null;
  /** Resolves once the history's disk writes so far are done. */
  historySaved(): Promise<void>;
}

/** Wiring only: create the services, register providers and commands; no I/O, nothing awaited. */
export function activate(context: vscode.ExtensionContext): GwHttpApi {
  const started = performance.now();
  const logger = new OutputLogger();
  const documents = new DocumentCache();
  const environments = new EnvironmentService(context.workspaceState);
  const secrets = new SecretStorageSource(context.secrets);
  const bodyDocuments = new BodyDocuments();
  const panels = new ResponsePanels(context.extensionUri, createBodyActionHandler(logger, bodyDocuments));
  // In Markdown only files with a request block show the environment (not every README).
  const statusBar = new StatusBar(
    environments,
    (document) =>
      isRequestDocument(document) &&
      (document.languageId !== markdownLanguageId || documents.get(document).requests.length > 0),
  );
  const outcomes = new RequestOutcomes();
  // The history file lives in this workspace's storage (none without a workspace folder).
  const storage = context.storageUri?.scheme === 'file' ? context.storageUri.fsPath : null;
  const historyFile = storage
    ? new HistoryFile(path.join(storage, historyFileName), (message) => logger.warn(message))
    : null;
  const history = new ResponseHistory(readHistorySettings, historyFile);
  const cookies = new CookieJars();
  const prompts = new PromptedValues();
  const oauth2 = new OAuth2Session({
    clock: systemClock,
    interaction: vscodeOAuth2Interaction,
    store: new SecretStorageTokenStore(context.secrets),
  });
  const services = {
    documents,
    environments,
    secrets,
    panels,
    statusBar,
    logger,
    outcomes,
    history,
    cookies,
    prompts,
    oauth2,
  };
  const sender = new SendController(services);
  const lenses = new GwHttpCodeLensProvider(documents, environments, outcomes);
  const previews = new SignaturePreviewProvider();
  const panelSerializer = responsePanelSerializer(panels);
  const tests = new RequestTestController({ documents, environments, secrets, logger, cookies, prompts, oauth2 });
  const intelligence = editorIntelligence({
    documents,
    environmentFor: (uri) => environments.nameFor(uri),
    loadEnvironments: (uri) => environments.load(uri),
    loadDotenv: (uri) => environments.dotenv(uri),
  });
  const quickFixes = new QuickFixProvider(documents, async (uri) => (await environments.load(uri)).names);
  // Markdown gets the lenses and quick fixes; its outline, folding and completion stay Markdown's.
  const languages = new RequestLanguageRegistrations((language) => [
    vscode.languages.registerCodeLensProvider({ language }, lenses),
    vscode.languages.registerCodeActionsProvider({ language }, quickFixes, {
      providedCodeActionKinds: QuickFixProvider.kinds,
    }),
    ...(language === markdownLanguageId ? [] : intelligence({ language })),
  ]);
  const diagnostics = new DiagnosticsController(documents, environments, languages.onDidChange);
  context.subscriptions.push(
    logger,
    documents,
    environments,
    outcomes,
    panels,
    statusBar,
    sender,
    lenses,
    languages,
    diagnostics,
    previews,
    tests,
    new HttpFilesNotice(context.globalState),
    vscode.workspace.registerTextDocumentContentProvider(signaturePreviewScheme, previews),
    bodyDocuments,
    vscode.window.registerWebviewPanelSerializer(responseViewType, panelSerializer),
    ...registerCommands(services, sender, previews),
  );
  const activationMs = performance.now() - started;
  return {
    lastResponseModel: () => panels.lastModel,
    lastRendered: () => panels.lastRendered,
    lastPanelMessage: () => panels.lastMessage,
    responsePanel: () => panels.panel,
    panelSerializer,
    responseAction: (action) => panels.act(action),
    lastRunSummary: () => sender.lastSummary,
    logLines: () => logger.recentLines,
    documents,
    diagnostics,
    codeLenses: lenses,
    tests,
    languages,
    activationMs,
    historyFile: () => historyFile?.file ?? null,
    historySaved: () => history.saved(),
  };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
