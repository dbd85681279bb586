import * as vscode from 'vscode';

import { type OAuth2Session, secretSourcesFor, type SignContext, systemClock, type VariableContext } from '../../core';
import type { SecretStorageSource } from '../adapters/secretStorageSource';
import { readSettings } from '../adapters/settings';
import { vscodeFileReader } from '../adapters/vscodeFileReader';
import type { EnvironmentService } from '../state/environmentService';

/** The variable context for sending a request of `uri`: settings, the selected environment (a preference), trust. */
export function variableContextFor(
  uri: vscode.Uri,
  environments: EnvironmentService,
  oauth2?: OAuth2Session,
): Omit<VariableContext, 'chain'> {
  return {
    requestFile: uri.scheme === 'file' ? uri.fsPath : null,
    searchRoot: environments.searchRoot(uri),
    environmentName: environments.activeName,
    environmentIsPreference: true,
    overrides: {},
    settingsEnvironments: readSettings(uri).environments,
    processEnv: process.env,
    clock: systemClock,
    fileReader: vscodeFileReader,
    mayReadWorkspaceFiles: vscode.workspace.isTrusted,
    ...(oauth2 ? { oauth2 } : {}),
  };
}

/**
 * What the core's sign step needs for a request of `uri` in the editor (Send, Preview Signature, Copy
 * as cURL): its variables and the secret sources, SecretStorage first (see secretSourcesFor).
 */
export function editorSignContext(
  uri: vscode.Uri,
  services: { environments: EnvironmentService; secrets: SecretStorageSource; oauth2?: OAuth2Session },
): SignContext {
  const variables = variableContextFor(uri, services.environments, services.oauth2);
  return {
    file: vscode.workspace.asRelativePath(uri),
    variables,
    secretSources: secretSourcesFor(variables, services.secrets),
    clock: systemClock,
  };
}
