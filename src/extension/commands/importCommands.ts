import * as path from 'node:path';

import * as vscode from 'vscode';

import type { ImportKind } from '../../core/import';
import type { OutputLogger } from '../adapters/outputLogger';
import { vscodeFileReader } from '../adapters/vscodeFileReader';
import { loadImporter } from './loadImporter';
import { reportImportWarnings, writeImport } from './writeImport';

type CommandFactory = <A extends unknown[]>(id: string, body: (...args: A) => Promise<unknown>) => vscode.Disposable;

const requestFile = /\.(gwhttp|http|rest)$/i;

/** **Paste cURL as Request**: the clipboard's cURL command(s) as requests, inserted at the cursor. */
async function pasteCurl(logger: OutputLogger, clipboardText?: unknown): Promise<boolean> {
  const editor = vscode.window.activeTextEditor;
  if (
    !editor ||
    !(['gwhttp', 'http'].includes(editor.document.languageId) || requestFile.test(editor.document.fileName))
  ) {
    void vscode.window.showInformationMessage(
      'GW HTTP: open a request file (.gwhttp, .http) to paste a cURL command into.',
    );
    return false;
  }
  const text = typeof clipboardText === 'string' ? clipboardText : await vscode.env.clipboard.readText();
  const converted = loadImporter().curlAsText(text, 'the clipboard');
  const position = editor.selection.active;
  const lineText = editor.document.lineAt(position.line).text;
  const before =
    position.character > 0 || (position.line > 0 && editor.document.lineAt(position.line - 1).text.trim() !== '')
      ? '\n'
      : '';
  const prefix = position.character > 0 && lineText.trim() !== '' ? '\n' : '';
  await editor.edit((edit) => edit.insert(position, `${prefix}${before}${converted.text}`));
  reportImportWarnings(converted.warnings, 'the clipboard', logger);
  return true;
}

const pickers: Record<Exclude<ImportKind, 'curl'>, vscode.OpenDialogOptions> = {
  postman: {
    canSelectMany: true,
    openLabel: 'Import',
    title: 'GW HTTP: a Postman Collection v2.1 (and any Postman environments to add)',
    filters: { 'Postman collection or environment': ['json'] },
  },
  openapi: {
    canSelectMany: false,
    openLabel: 'Import',
    title: 'GW HTTP: an OpenAPI 3.x or Swagger 2.0 document',
    filters: { 'OpenAPI / Swagger': ['json', 'yaml', 'yml'] },
  },
};

async function readText(uri: vscode.Uri): Promise<string> {
  return Buffer.from(await vscode.workspace.fs.readFile(uri)).toString('utf8');
}

/** Splits picked Postman files into the collection and the environment exports. */
async function postmanInputs(
  uris: vscode.Uri[],
): Promise<{ collection: vscode.Uri; environments: { path: string; text: string }[] } | null> {
  const importer = loadImporter();
  const environments: { path: string; text: string }[] = [];
  let collection: vscode.Uri | null = null;
  for (const uri of uris) {
    const text = await readText(uri);
    let json: unknown = null;
    try {
      json = JSON.parse(text) as unknown;
    } catch {
      // not JSON: planImport reports it, with its line, when this is the collection
    }
    if (importer.isPostmanEnvironment(json)) environments.push({ path: uri.fsPath, text });
    else collection ??= uri;
  }
  if (collection) return { collection, environments };
  void vscode.window.showErrorMessage('GW HTTP: pick a Postman collection too (the files picked are environments).');
  return null;
}

/** **Import Postman Collection…** / **Import OpenAPI…**: pick the file(s), write the request file(s) beside them, open the result. */
async function importFile(
  kind: Exclude<ImportKind, 'curl'>,
  logger: OutputLogger,
  argument?: unknown,
): Promise<boolean> {
  const uris =
    argument instanceof vscode.Uri
      ? [argument]
      : Array.isArray(argument)
        ? (argument as vscode.Uri[])
        : await vscode.window.showOpenDialog(pickers[kind]);
  if (!uris || uris.length === 0) return false;
  const inputs = kind === 'postman' ? await postmanInputs(uris) : { collection: uris[0], environments: [] };
  if (!inputs) return false;
  const input = inputs.collection.fsPath;
  const plan = await loadImporter().planImport({
    kind,
    inputPath: input,
    text: await readText(inputs.collection),
    output: path.dirname(input),
    outputIsFolder: true,
    environments: inputs.environments,
    fileReader: vscodeFileReader,
  });
  return writeImport(plan, path.basename(input), logger);
}

/** The three import commands; a failure (an unreadable or unusable input) is one message via `command`'s guard. */
export function importCommands(command: CommandFactory, logger: OutputLogger): vscode.Disposable[] {
  return [
    command('gwhttp.pasteCurl', (text?: unknown) => pasteCurl(logger, text)),
    command('gwhttp.importPostman', (uri?: unknown) => importFile('postman', logger, uri)),
    command('gwhttp.importOpenApi', (uri?: unknown) => importFile('openapi', logger, uri)),
  ];
}
