import type * as vscode from 'vscode';
import type { DocumentCache } from '../language/documentCache';

/** What the editor-intelligence features get from the adapter (placeholder until the intelligence part lands). */
export interface EditorIntelligenceServices {
  documents: DocumentCache;
  /** The active environment's name, or null. */
  activeEnvironment: () => string | null;
}

export function registerEditorIntelligence(_context: vscode.ExtensionContext, _services: EditorIntelligenceServices): void {
  // Written by the intelligence helper.
}
