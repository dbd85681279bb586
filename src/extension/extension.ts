import * as vscode from 'vscode';

import type { BodyAction, HostMessage, ResponseViewModel } from '../shared/protocol';
import { OutputLogger } from './adapters/outputLogger';
import { SecretStorageSource } from './adapters/secretStorageSource';
import { SignaturePreviewProvider, signaturePreviewScheme } from './commands/previewSignature';
import { registerCommands } from './commands/registerCommands';
import { registerEditorIntelligence } from './intelligence/registerEditorIntelligence';
import { GwHttpCodeLensProvider } from './language/codeLensProvider';
import { DiagnosticsController } from './language/diagnosticsController';
import { DocumentCache, gwhttpLanguageId } from './language/documentCache';
import { QuickFixProvider } from './language/quickFixes';
import { createBodyActionHandler } from './response/bodyActions';
import { BodyDocuments } from './response/bodyDocuments';
import { ResponsePanels, responseViewType } from './response/responsePanel';
import { responsePanelSerializer } from './response/responsePanelSerializer';
import { SendController } from './send/sendController';
import { EnvironmentService } from './state/environmentService';
import { RequestOutcomes } from './state/requestOutcomes';
import { ResponseHistory } from './state/responseHistory';
import { StatusBar } from './status/statusBar';

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
  documents: DocumentCache;
  diagnostics: DiagnosticsController;
  codeLenses: GwHttpCodeLensProvider;
  activationMs: number;
}

/** Wiring only: create the services, register providers and commands; no I/O, nothing awaited. */
export function activate(context: vscode.ExtensionContext): GwHttpApi {
  const started = performance.now();
  const selector: vscode.DocumentSelector = { language: gwhttpLanguageId };
  const logger = new OutputLogger();
  const documents = new DocumentCache();
  const environments = new EnvironmentService(context.workspaceState);
  const secrets = new SecretStorageSource(context.secrets);
  const bodyDocuments = new BodyDocuments();
  const panels = new ResponsePanels(context.extensionUri, createBodyActionHandler(logger, bodyDocuments));
  const statusBar = new StatusBar(environments);
  const outcomes = new RequestOutcomes();
  const history = new ResponseHistory();
  const services = { documents, environments, secrets, panels, statusBar, logger, outcomes, history };
  const sender = new SendController(services);
  const lenses = new GwHttpCodeLensProvider(documents, environments, outcomes);
  const diagnostics = new DiagnosticsController(documents, environments);
  const previews = new SignaturePreviewProvider();
  const panelSerializer = responsePanelSerializer(panels);
  context.subscriptions.push(
    logger,
    documents,
    environments,
    outcomes,
    panels,
    statusBar,
    sender,
    lenses,
    diagnostics,
    previews,
    vscode.languages.registerCodeLensProvider(selector, lenses),
    vscode.languages.registerCodeActionsProvider(
      selector,
      new QuickFixProvider(documents, async (uri) => (await environments.load(uri)).names),
      {
        providedCodeActionKinds: QuickFixProvider.kinds,
      },
    ),
    vscode.workspace.registerTextDocumentContentProvider(signaturePreviewScheme, previews),
    bodyDocuments,
    vscode.window.registerWebviewPanelSerializer(responseViewType, panelSerializer),
    ...registerCommands(services, sender, previews),
  );
  registerEditorIntelligence(context, {
    documents,
    environmentFor: (uri) => environments.nameFor(uri),
    loadEnvironments: (uri) => environments.load(uri),
    loadDotenv: (uri) => environments.dotenv(uri),
  });
  const activationMs = performance.now() - started;
  return {
    lastResponseModel: () => panels.lastModel,
    lastRendered: () => panels.lastRendered,
    lastPanelMessage: () => panels.lastMessage,
    responsePanel: () => panels.panel,
    panelSerializer,
    responseAction: (action) => panels.act(action),
    lastRunSummary: () => sender.lastSummary,
    documents,
    diagnostics,
    codeLenses: lenses,
    activationMs,
  };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
