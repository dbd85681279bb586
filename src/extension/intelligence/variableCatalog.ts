import * as vscode from 'vscode';
import type { ParsedDocument } from '../../core/model/document';
import { systemClock } from '../../core/ports';
import { describeVariables, type VariableDescription } from '../../core/variables/describeVariables';
import { emptyEnvironments } from '../../core/variables/loadedEnvironments';
import type { EditorIntelligenceServices } from './registerEditorIntelligence';

/** The variables a document can use right now (active environment, env files, `.env`), for the editor. */
export class VariableCatalog {
  constructor(private readonly services: EditorIntelligenceServices) {}

  activeEnvironment(): string | null {
    return this.services.activeEnvironment();
  }

  async describe(document: vscode.TextDocument, parsed: ParsedDocument): Promise<VariableDescription[]> {
    const requestFile = document.uri.scheme === 'file' ? document.uri.fsPath : null;
    const [environments, dotenv] = await Promise.all([
      // A broken env file is reported by diagnostics; the editor still offers file variables.
      this.services.loadEnvironments(document.uri).catch(() => emptyEnvironments()),
      this.services.loadDotenv(document.uri).catch(() => null),
    ]);
    return describeVariables(parsed, environments, this.activeEnvironment(), {
      dotenv, requestFile, clock: systemClock, processEnv: process.env,
    });
  }
}
