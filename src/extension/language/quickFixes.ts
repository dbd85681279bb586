import * as vscode from 'vscode';

import { bareHost, environmentNotSelectedCode, requestSigningHints } from '../../core';
import { selectEnvironmentCommandId } from './codeLensProvider';
import { diagnosticSource } from './diagnosticsController';
import type { DocumentCache } from './documentCache';

export const moveSecretCommandId = 'gwhttp.moveSecretToStorage';

export function isLiteralSecretCode(code: string): boolean {
  return /secret/i.test(code) && !/missing/i.test(code);
}

export function isHostWithPathCode(code: string): boolean {
  return /host/i.test(code);
}

function codeOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  return typeof code === 'object' ? String(code.value) : String(code ?? '');
}

/** Quick fixes: move a literal secret into SecretStorage; replace a Host header carrying a path; select an environment. */
export class QuickFixProvider implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  constructor(
    private readonly documents: DocumentCache,
    /** The environments a request file can select (its env files and the setting). */
    private readonly environmentNames: (requestUri: vscode.Uri) => Promise<readonly string[]>,
  ) {}

  async provideCodeActions(
    document: vscode.TextDocument,
    _range: vscode.Range,
    context: vscode.CodeActionContext,
  ): Promise<vscode.CodeAction[]> {
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of context.diagnostics) {
      if (diagnostic.source !== diagnosticSource) continue;
      const code = codeOf(diagnostic);
      if (code === environmentNotSelectedCode) actions.push(...(await this.selectEnvironment(document, diagnostic)));
      else if (isLiteralSecretCode(code)) actions.push(this.moveSecret(document, diagnostic));
      else if (isHostWithPathCode(code)) {
        const action = this.fixHost(document, diagnostic);
        if (action) actions.push(action);
      }
    }
    return actions;
  }

  /** One "Select environment X" per environment of the file (the first one preferred). */
  private async selectEnvironment(
    document: vscode.TextDocument,
    diagnostic: vscode.Diagnostic,
  ): Promise<vscode.CodeAction[]> {
    const names = await this.environmentNames(document.uri).catch(() => []);
    return names.map((name, index) => {
      const action = new vscode.CodeAction(`Select environment "${name}"`, vscode.CodeActionKind.QuickFix);
      action.diagnostics = [diagnostic];
      action.isPreferred = index === 0;
      action.command = { title: action.title, command: selectEnvironmentCommandId, arguments: [name] };
      return action;
    });
  }

  private moveSecret(document: vscode.TextDocument, diagnostic: vscode.Diagnostic): vscode.CodeAction {
    const line = diagnostic.range.start.line;
    const request = this.documents
      .get(document)
      .requests.find((each) => line + 1 >= each.regionStartLine && line + 1 <= each.endLine);
    const keyId = request ? requestSigningHints(request).keyId : null;
    const action = new vscode.CodeAction(
      'Move the secret key into SecretStorage and remove it from the file',
      vscode.CodeActionKind.QuickFix,
    );
    action.diagnostics = [diagnostic];
    action.isPreferred = true;
    action.command = {
      title: action.title,
      command: moveSecretCommandId,
      arguments: [document.uri, diagnostic.range, keyId],
    };
    return action;
  }

  private fixHost(document: vscode.TextDocument, diagnostic: vscode.Diagnostic): vscode.CodeAction | null {
    const lineText = document.lineAt(diagnostic.range.start.line).text;
    const match = /^(\s*Host\s*:\s*)(.*)$/i.exec(lineText);
    if (!match) return null;
    const host = bareHost(match[2]);
    if (!host) return null;
    const action = new vscode.CodeAction(
      `Replace the Host header with "${host}" (the path belongs in the URL)`,
      vscode.CodeActionKind.QuickFix,
    );
    action.diagnostics = [diagnostic];
    action.isPreferred = true;
    action.edit = new vscode.WorkspaceEdit();
    const line = diagnostic.range.start.line;
    action.edit.replace(document.uri, new vscode.Range(line, match[1].length, line, lineText.length), host);
    return action;
  }
}
