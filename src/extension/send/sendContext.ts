import * as vscode from 'vscode';

import { type OAuth2Session, secretSourcesFor, type SignContext, systemClock, type VariableContext } from '../../core';
import { inputBoxPrompter } from '../adapters/inputBoxPrompter';
import type { SecretStorageSource } from '../adapters/secretStorageSource';
import { readSettings } from '../adapters/settings';
import { vscodeFileReader } from '../adapters/vscodeFileReader';
import type { EnvironmentService } from '../state/environmentService';
import type { PromptedValues } from '../state/promptedValues';

/**
 * The variable context for sending a request of `uri`: settings, the selected environment (a
 * preference), trust, the input box for prompts (answers remembered in `prompts`) and the window's
 * OAuth2 tokens when given.
 */
export function variableContextFor(
  uri: vscode.Uri,
  environments: EnvironmentService,
  window: { prompts?: PromptedValues; oauth2?: OAuth2Session } = {},
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
    ...(window.prompts ? { prompter: inputBoxPrompter(window.prompts) } : {}),
    ...(window.oauth2 ? { oauth2: window.oauth2 } : {}),
  };
}

/**
 * What the core's sign step needs for a request of `uri` in the editor (Send, Preview Signature, Copy
 * as cURL): its variables and the secret sources, SecretStorage first (see secretSourcesFor).
 */
export function editorSignContext(
  uri: vscode.Uri,
  services: {
    environments: EnvironmentService;
    secrets: SecretStorageSource;
    prompts: PromptedValues;
    oauth2?: OAuth2Session;
  },
): SignContext {
  const variables = variableContextFor(uri, services.environments, services);
  return {
    file: vscode.workspace.asRelativePath(uri),
    variables,
    secretSources: secretSourcesFor(variables, services.secrets),
    clock: systemClock,
    // Preview Signature and Copy as cURL sign a request line as Send sends it.
    httpVersion: readSettings(uri).httpVersion,
  };
}
