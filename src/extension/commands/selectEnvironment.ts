import * as vscode from 'vscode';

import { isRequestDocument } from '../language/requestDocuments';
import type { EnvironmentService } from '../state/environmentService';

export const selectEnvironmentCommandId = 'gwhttp.selectEnvironment';

/**
 * Quick pick of the environments the active file can use (settings, env files); remembered per
 * workspace, and used by every file whose env files define it (others use their only one, or none).
 */
export async function selectEnvironment(environments: EnvironmentService): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  const uri =
    editor && isRequestDocument(editor.document) ? editor.document.uri : vscode.workspace.workspaceFolders?.[0]?.uri;
  const loaded = uri ? await environments.load(uri) : { names: [] as string[], files: [] as string[] };
  const active = environments.activeName;
  const items: (vscode.QuickPickItem & { value: string | null })[] = [
    {
      label: 'No Environment',
      description: active === null ? 'selected' : undefined,
      detail: 'A file whose env files define exactly one environment still uses that one.',
      value: null,
    },
    ...loaded.names.map((name) => ({
      label: name,
      description: name === active ? 'selected' : undefined,
      value: name,
    })),
  ];
  const detail =
    loaded.files.length > 0
      ? `From ${loaded.files.join(', ')} and the gwhttp.environments setting`
      : 'From the gwhttp.environments setting';
  const picked = await vscode.window.showQuickPick(items, {
    title: 'GW HTTP: Select Environment',
    placeHolder: vscode.workspace.isTrusted
      ? detail
      : `${detail} (environment files are read once the workspace is trusted)`,
  });
  if (picked) await environments.setActive(picked.value);
}
