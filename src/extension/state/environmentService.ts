import * as path from 'node:path';

import * as vscode from 'vscode';

import {
  chooseEnvironment,
  chosenName,
  type EnvironmentChoice,
  type FileReader,
  loadDotenv,
  type LoadedDotenv,
  type LoadedEnvironments,
  loadEnvironments,
  type VariableScope,
  variableScope,
} from '../../core';
import { readSettings } from '../adapters/settings';
import { vscodeFileReader } from '../adapters/vscodeFileReader';
import { Disposable } from '../util/disposable';

const activeKey = 'gwhttp.activeEnvironment';

/** A reader for untrusted workspaces: finds no workspace file, so only the setting is used. */
const noWorkspaceFiles: FileReader = {
  readFile: (file) => Promise.reject(new Error(`Not reading ${file}: the workspace is not trusted.`)),
  exists: () => Promise.resolve(false),
};

/**
 * The selected environment (remembered per workspace) and the environments a request file can use.
 * The selection is a preference: each file uses it where its env files define it (chooseEnvironment).
 */
export class EnvironmentService extends Disposable {
  private readonly changed = this.register(new vscode.EventEmitter<void>());
  readonly onDidChange = this.changed.event;
  private readonly cache = new Map<string, Promise<LoadedEnvironments>>();
  private readonly dotenvCache = new Map<string, Promise<LoadedDotenv | null>>();

  constructor(private readonly state: vscode.Memento) {
    super();
    this.register(
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('gwhttp.environments')) this.invalidate();
      }),
    );
    this.register(
      vscode.workspace.onDidSaveTextDocument((document) => {
        if (
          /(gwhttp\.env(\.private)?\.json|http-client(\.private)?\.env\.json|(^|[\\/])\.env)$/.test(document.fileName)
        ) {
          this.invalidate();
        }
      }),
    );
    this.register(vscode.workspace.onDidGrantWorkspaceTrust(() => this.invalidate()));
  }

  get activeName(): string | null {
    return this.state.get<string>(activeKey) ?? null;
  }

  async setActive(name: string | null): Promise<void> {
    await this.state.update(activeKey, name ?? undefined);
    this.changed.fire();
  }

  invalidate(): void {
    this.cache.clear();
    this.dotenvCache.clear();
    this.changed.fire();
  }

  /** Environments for a request file, loaded lazily and cached until a setting or env file changes. */
  load(requestUri: vscode.Uri): Promise<LoadedEnvironments> {
    const requestFile = requestUri.scheme === 'file' ? requestUri.fsPath : null;
    const root = this.searchRoot(requestUri);
    const key = `${requestFile ? path.dirname(requestFile) : ''}|${root ?? ''}`;
    let loaded = this.cache.get(key);
    if (!loaded) {
      const reader = vscode.workspace.isTrusted ? vscodeFileReader : noWorkspaceFiles;
      loaded = loadEnvironments(requestFile, root, reader, readSettings(requestUri).environments);
      loaded.catch(() => this.cache.delete(key));
      this.cache.set(key, loaded);
    }
    return loaded;
  }

  /** The nearest `.env` for a request file (none in an untrusted workspace), cached like the environments. */
  dotenv(requestUri: vscode.Uri): Promise<LoadedDotenv | null> {
    const requestFile = requestUri.scheme === 'file' ? requestUri.fsPath : null;
    const root = this.searchRoot(requestUri);
    const key = `${requestFile ? path.dirname(requestFile) : ''}|${root ?? ''}`;
    let loaded = this.dotenvCache.get(key);
    if (!loaded) {
      loaded = vscode.workspace.isTrusted ? loadDotenv(requestFile, root, vscodeFileReader) : Promise.resolve(null);
      loaded.catch(() => this.dotenvCache.delete(key));
      this.dotenvCache.set(key, loaded);
    }
    return loaded;
  }

  searchRoot(requestUri: vscode.Uri): string | null {
    const folder = vscode.workspace.getWorkspaceFolder(requestUri);
    if (folder?.uri.scheme === 'file') return folder.uri.fsPath;
    return requestUri.scheme === 'file' ? path.dirname(requestUri.fsPath) : null;
  }

  /** The environment a request file uses: the selection where its env files define it, else its only one, else none. */
  async choiceFor(requestUri: vscode.Uri): Promise<EnvironmentChoice> {
    const loaded = await this.load(requestUri);
    return chooseEnvironment(loaded.names, this.activeName, true);
  }

  /** The environment's name for a request file, or null (also when its env files cannot be read). */
  async nameFor(requestUri: vscode.Uri): Promise<string | null> {
    return this.choiceFor(requestUri).then(chosenName, () => null);
  }

  /** What the variable checks of a request file go by: the names it may use, and the unselected environments. */
  async scopeFor(requestUri: vscode.Uri): Promise<VariableScope> {
    const [loaded, dotenv] = await Promise.all([this.load(requestUri), this.dotenv(requestUri).catch(() => null)]);
    return variableScope(loaded, dotenv?.values ?? null, chooseEnvironment(loaded.names, this.activeName, true));
  }
}
