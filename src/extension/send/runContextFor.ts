import * as os from 'node:os';

import * as vscode from 'vscode';

import type { HttpClient } from '../../core/http/httpClient';
import { systemClock } from '../../core/ports';
import type { RunContext } from '../../core/run';
import { fileSnapshotStore } from '../../core/snapshot/fileSnapshotStore';
import { proxyEnvironment } from '../adapters/proxyEnvironment';
import type { SecretStorageSource } from '../adapters/secretStorageSource';
import { readSettings } from '../adapters/settings';
import type { EnvironmentService } from '../state/environmentService';
import { secretSourcesFor, variableContextFor } from './sendContext';

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
    snapshots: { store: fileSnapshotStore, update: false, ci: false },
  };
}
