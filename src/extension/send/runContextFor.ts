import * as os from 'node:os';
import * as path from 'node:path';

import * as vscode from 'vscode';

import type { HttpClient } from '../../core/http/httpClient';
import { systemClock } from '../../core/ports';
import type { RunContext } from '../../core/run';
import { RunSecrets } from '../../core/secrets/runSecrets';
import { fileSnapshotStore } from '../../core/snapshot/fileSnapshotStore';
import { proxyEnvironment } from '../adapters/proxyEnvironment';
import type { SecretStorageSource } from '../adapters/secretStorageSource';
import { readSettings } from '../adapters/settings';
import type { CookieJars } from '../state/cookieJars';
import type { EnvironmentService } from '../state/environmentService';
import { secretSourcesFor, variableContextFor } from './sendContext';

/**
 * The run context for sending requests of `uri` from the editor (Send, Send All, the Test Explorer):
 * settings, the environment (the active one unless `environmentName` is given), secrets, proxy, snapshots;
 * and the secrets the run hands out, for masking whatever it shows.
 */
export function runContextFor(
  uri: vscode.Uri,
  services: { environments: EnvironmentService; secrets: SecretStorageSource; cookies: CookieJars },
  client: HttpClient,
  signal: AbortSignal,
  environmentName?: string | null,
): { context: RunContext; secrets: RunSecrets } {
  const settings = readSettings(uri);
  const secrets = new RunSecrets(process.env);
  const variables = variableContextFor(uri, services.environments, new Map());
  if (environmentName !== undefined) variables.environmentName = environmentName;
  const context: RunContext = {
    file: vscode.workspace.asRelativePath(uri),
    variables,
    secretSources: secretSourcesFor(variables, services.secrets).map((source) => secrets.watch(source)),
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
    cookieJar: settings.rememberCookies
      ? services.cookies.jarFor(variables.environmentName, `${path.dirname(uri.fsPath)}|${variables.searchRoot ?? ''}`)
      : null,
  };
  return { context, secrets };
}
