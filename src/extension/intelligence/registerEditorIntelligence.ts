import * as vscode from 'vscode';

import type { LoadedDotenv, LoadedEnvironments } from '../../core';
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

/**
 * Completion, hover, go to definition, outline and folding for request documents: creates the
 * providers once and returns how to register them for a document selector (`gwhttp`, and `http` while
 * gwhttp serves those files).
 */
export function editorIntelligence(
  services: EditorIntelligenceServices,
): (selector: vscode.DocumentSelector) => vscode.Disposable[] {
  const catalog = new VariableCatalog(services);
  const completion = new GwHttpCompletionProvider(services.documents, catalog);
  const hover = new GwHttpHoverProvider(catalog);
  const definition = new GwHttpDefinitionProvider(catalog);
  const symbols = new GwHttpDocumentSymbolProvider(services.documents);
  const folding = new GwHttpFoldingRangeProvider();
  return (selector) => [
    vscode.languages.registerCompletionItemProvider(selector, completion, ...completionTriggerCharacters),
    vscode.languages.registerHoverProvider(selector, hover),
    vscode.languages.registerDefinitionProvider(selector, definition),
    vscode.languages.registerDocumentSymbolProvider(selector, symbols, { label: 'GW HTTP' }),
    vscode.languages.registerFoldingRangeProvider(selector, folding),
  ];
}
