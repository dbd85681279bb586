import * as vscode from 'vscode';

import {
  describeVariables,
  emptyEnvironments,
  type ParsedDocument,
  referenceAt,
  systemClock,
  type SystemVariableEnvironment,
  type VariableDescription,
  type VariableReference,
} from '../../core';
import type { EditorIntelligenceServices } from './registerEditorIntelligence';

/** The variables a document can use right now (active environment, env files, `.env`), for the editor. */
export class VariableCatalog {
  constructor(private readonly services: EditorIntelligenceServices) {}

  /** What system variables resolve with in this document: the clock, the process environment and its `.env`. */
  async systemEnvironment(document: vscode.TextDocument): Promise<SystemVariableEnvironment> {
    const dotenv = await this.services.loadDotenv(document.uri).catch(() => null);
    return {
      clock: systemClock,
      processEnv: process.env,
      dotenv: dotenv?.values ?? null,
      dotenvDescription: dotenv ? `.env (${dotenv.file})` : '.env (none found, or the workspace is not trusted)',
    };
  }

  environmentFor(document: vscode.TextDocument): Promise<string | null> {
    return this.services.environmentFor(document.uri);
  }

  /**
   * The `{{…}}` reference at a position with its parsed document and, for a plain variable, the
   * variables it may name (what hover and go to definition both start from); null off a reference.
   */
  async referenceAt(
    document: vscode.TextDocument,
    position: vscode.Position,
  ): Promise<{ reference: VariableReference; parsed: ParsedDocument; variables: VariableDescription[] } | null> {
    const reference = referenceAt(document.lineAt(position.line).text, position.line + 1, position.character);
    if (!reference) return null;
    const parsed = this.services.documents.get(document);
    const variables = reference.kind === 'plain' ? await this.describe(document, parsed) : [];
    return { reference, parsed, variables };
  }

  async describe(document: vscode.TextDocument, parsed: ParsedDocument): Promise<VariableDescription[]> {
    const requestFile = document.uri.scheme === 'file' ? document.uri.fsPath : null;
    const [environments, dotenv, environmentName] = await Promise.all([
      // A broken env file is reported by diagnostics; the editor still offers file variables.
      this.services.loadEnvironments(document.uri).catch(() => emptyEnvironments()),
      this.services.loadDotenv(document.uri).catch(() => null),
      this.environmentFor(document),
    ]);
    return describeVariables(parsed, environments, environmentName, {
      dotenv,
      requestFile,
      clock: systemClock,
      processEnv: process.env,
    });
  }
}
