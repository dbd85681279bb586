import * as fs from 'node:fs';
import * as os from 'node:os';

import * as vscode from 'vscode';

import type { HttpClient } from '../../core/http/httpClient';
import { systemClock } from '../../core/ports';
import type { RunContext } from '../../core/run';
import type { SnapshotStore } from '../../core/snapshot/snapshotStore';
import { proxyEnvironment } from '../adapters/proxyEnvironment';
import type { SecretStorageSource } from '../adapters/secretStorageSource';
import { readSettings } from '../adapters/settings';
import type { EnvironmentService } from '../state/environmentService';
import { secretSourcesFor, variableContextFor } from './sendContext';

/** Snapshot files on the local disk (the editor records and compares them as the CLI does, never as CI). */
const snapshotFiles: SnapshotStore = {
  read(path) {
    try {
      return fs.readFileSync(path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  },
  write: (path, text) => fs.writeFileSync(path, text),
};

/**
 * The run context for sending requests of `uri` from the editor (Send, Send All, the Test Explorer):
 * settings, the environment (the active one unless `environmentName` is given), secrets, proxy, snapshots.
 */
export function runContextFor(
  uri: vscode.Uri,
  services: { environments: EnvironmentService; secrets: SecretStorageSource },
  client: HttpClient,
  signal: AbortSignal,
  environmentName?: string | null,
): RunContext {
  const settings = readSettings(uri);
  const variables = variableContextFor(uri, services.environments, new Map());
  if (environmentName !== undefined) variables.environmentName = environmentName;
  return {
    file: vscode.workspace.asRelativePath(uri),
    variables,
    secretSources: secretSourcesFor(variables, services.secrets),
    clock: systemClock,
    client,
    env: proxyEnvironment(),
    signal,
    timeoutMs: settings.timeoutMs,
    insecure: false,
    followRedirects: settings.followRedirects,
    displayLimit: settings.inlineBodyLimitBytes,
    maxHeaderSize: settings.maxHeaderSize,
    spillDirectory: os.tmpdir(),
    snapshots: { store: snapshotFiles, update: false, ci: false },
  };
}
