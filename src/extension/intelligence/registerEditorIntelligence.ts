import * as vscode from 'vscode';

import type { LoadedDotenv } from '../../core/variables/loadDotenv';
import type { LoadedEnvironments } from '../../core/variables/loadedEnvironments';
import type { DocumentCache } from '../language/documentCache';
import { completionTriggerCharacters, GwHttpCompletionProvider } from './completionProvider';
import { GwHttpDefinitionProvider } from './definitionProvider';
import { GwHttpDocumentSymbolProvider } from './documentSymbolProvider';
import { GwHttpFoldingRangeProvider } from './foldingRangeProvider';
import { GwHttpHoverProvider } from './hoverProvider';
import { VariableCatalog } from './variableCatalog';

/** What the editor-intelligence features get from the adapter. */
export interface EditorIntelligenceServices {
  documents: DocumentCache;
  /** The environment a request file uses (the selection where its env files define it, else its only one), or null. */
  environmentFor: (requestUri: vscode.Uri) => Promise<string | null>;
  /** Environments a request file can use (the adapter's cached, trust-aware EnvironmentService.load). */
  loadEnvironments: (requestUri: vscode.Uri) => Promise<LoadedEnvironments>;
  /** The nearest `.env` for a request file, or null (none, or an untrusted workspace). */
  loadDotenv: (requestUri: vscode.Uri) => Promise<LoadedDotenv | null>;
}

/** Completion, hover, go to definition, outline and folding for `.gwhttp` documents. */
export function registerEditorIntelligence(
  context: vscode.ExtensionContext,
  services: EditorIntelligenceServices,
): void {
  const selector: vscode.DocumentSelector = { language: 'gwhttp' };
  const catalog = new VariableCatalog(services);
  context.subscriptions.push(
    vscode.languages.registerCompletionItemProvider(
      selector,
      new GwHttpCompletionProvider(services.documents, catalog),
      ...completionTriggerCharacters,
    ),
    vscode.languages.registerHoverProvider(selector, new GwHttpHoverProvider(catalog)),
    vscode.languages.registerDefinitionProvider(selector, new GwHttpDefinitionProvider(catalog)),
    vscode.languages.registerDocumentSymbolProvider(selector, new GwHttpDocumentSymbolProvider(services.documents), {
      label: 'GW HTTP',
    }),
    vscode.languages.registerFoldingRangeProvider(selector, new GwHttpFoldingRangeProvider()),
  );
}
