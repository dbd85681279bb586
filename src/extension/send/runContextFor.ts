import * as os from 'node:os';
import * as path from 'node:path';

import * as vscode from 'vscode';

import {
  fileResponseStore,
  fileSnapshotStore,
  type HttpClient,
  type OAuth2Session,
  QuotaPacer,
  type Redactor,
  type RunContext,
  runRedactor,
  systemClock,
} from '../../core';
import { proxyEnvironment } from '../adapters/proxyEnvironment';
import type { SecretStorageSource } from '../adapters/secretStorageSource';
import { readSettings } from '../adapters/settings';
import type { CookieJars } from '../state/cookieJars';
import type { EnvironmentService } from '../state/environmentService';
import type { PromptedValues } from '../state/promptedValues';
import { editorSignContext } from './sendContext';

/**
 * The run context for sending requests of `uri` from the editor (Send, Send All, the Test Explorer):
 * settings, the environment (the active one unless `environmentName` is given), secrets, proxy, snapshots;
 * and the secrets the run hands out, for masking whatever it shows.
 */
export function runContextFor(
  uri: vscode.Uri,
  services: {
    environments: EnvironmentService;
    secrets: SecretStorageSource;
    cookies: CookieJars;
    prompts: PromptedValues;
    oauth2?: OAuth2Session;
  },
  client: HttpClient,
  signal: AbortSignal,
  environmentName?: string | null,
): { context: RunContext; redactor: Redactor } {
  const settings = readSettings(uri);
  const redactor = runRedactor(process.env);
  const sign = editorSignContext(uri, services);
  if (environmentName !== undefined) sign.variables.environmentName = environmentName;
  const context: RunContext = {
    ...sign,
    secretSources: sign.secretSources.map((source) => redactor.watch(source)),
    redactor,
    client,
    env: proxyEnvironment(),
    signal,
    timeoutMs: settings.timeoutMs,
    insecure: false,
    httpVersion: settings.httpVersion,
    clientCertificates:
      Object.keys(settings.clientCertificates).length > 0
        ? {
            entries: settings.clientCertificates,
            baseFolder: vscode.workspace.getWorkspaceFolder(uri)?.uri.fsPath ?? path.dirname(uri.fsPath),
          }
        : null,
    followRedirects: settings.followRedirects,
    displayLimit: settings.inlineBodyLimitBytes,
    maxHeaderSize: settings.maxHeaderSize,
    spillDirectory: os.tmpdir(),
    snapshots: { store: fileSnapshotStore, update: false, ci: false },
    responseFiles: fileResponseStore,
    parallel: settings.parallel,
    pacer: settings.pace ? new QuotaPacer({ pace: true, budget: null, clock: systemClock }) : null,
    cookieJar: settings.rememberCookies
      ? services.cookies.jarFor(
          sign.variables.environmentName,
          `${path.dirname(uri.fsPath)}|${sign.variables.searchRoot ?? ''}`,
        )
      : null,
  };
  return { context, redactor };
}
