import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ParsedDocument } from '../../core/model/document';
import { systemClock } from '../../core/ports';
import { describeVariables, type VariableDescription } from '../../core/variables/describeVariables';
import { loadDotenv } from '../../core/variables/loadDotenv';
import { loadEnvironments } from '../../core/variables/loadEnvironments';
import { emptyEnvironments, type LoadedEnvironments } from '../../core/variables/loadedEnvironments';
import { readSettings } from '../adapters/settings';
import { vscodeFileReader } from '../adapters/vscodeFileReader';
import type { EditorIntelligenceServices } from './registerEditorIntelligence';

/** The variables a document can use right now (active environment, env files, `.env`), for the editor. */
export class VariableCatalog {
  constructor(private readonly services: EditorIntelligenceServices) {}

  activeEnvironment(): string | null {
    return this.services.activeEnvironment();
  }

  async describe(document: vscode.TextDocument, parsed: ParsedDocument): Promise<VariableDescription[]> {
    const requestFile = document.uri.scheme === 'file' ? document.uri.fsPath : null;
    const root = searchRoot(document.uri);
    // Untrusted workspaces: no env files or .env are read (only the setting), as for sending.
    const trusted = vscode.workspace.isTrusted;
    const [environments, dotenv] = await Promise.all([
      this.environments(document.uri, requestFile, root, trusted),
      trusted ? loadDotenv(requestFile, root, vscodeFileReader).catch(() => null) : Promise.resolve(null),
    ]);
    return describeVariables(parsed, environments, this.activeEnvironment(), {
      dotenv, requestFile, clock: systemClock, processEnv: process.env,
    });
  }

  private async environments(uri: vscode.Uri, requestFile: string | null, root: string | null, trusted: boolean): Promise<LoadedEnvironments> {
    try {
      if (this.services.loadEnvironments) return await this.services.loadEnvironments(uri);
      const settings = readSettings(uri).environments;
      if (!trusted) return await loadEnvironments(null, null, vscodeFileReader, settings);
      return await loadEnvironments(requestFile, root, vscodeFileReader, settings);
    } catch {
      // A broken env file is reported by diagnostics; the editor still offers file variables.
      return emptyEnvironments();
    }
  }
}

function searchRoot(uri: vscode.Uri): string | null {
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  if (folder?.uri.scheme === 'file') return folder.uri.fsPath;
  return uri.scheme === 'file' ? path.dirname(uri.fsPath) : null;
}
