import * as vscode from 'vscode';

import { type SecretSource, systemClock } from '../../core/ports';
import { awsCredentialSource } from '../../core/secrets/awsCredentialSource';
import { dotenvSecretSource } from '../../core/secrets/dotenvSecretSource';
import { environmentSecretSource } from '../../core/secrets/environmentSecretSource';
import type { ChainedExchange, VariableContext } from '../../core/variables/variableContext';
import type { SecretStorageSource } from '../adapters/secretStorageSource';
import { readSettings } from '../adapters/settings';
import { vscodeFileReader } from '../adapters/vscodeFileReader';
import type { EnvironmentService } from '../state/environmentService';

/** The variable context for sending a request of `uri`: settings, the selected environment (a preference), trust. */
export function variableContextFor(
  uri: vscode.Uri,
  environments: EnvironmentService,
  chain: ReadonlyMap<string, ChainedExchange>,
): VariableContext {
  return {
    requestFile: uri.scheme === 'file' ? uri.fsPath : null,
    searchRoot: environments.searchRoot(uri),
    environmentName: environments.activeName,
    environmentIsPreference: true,
    overrides: {},
    settingsEnvironments: readSettings(uri).environments,
    chain,
    processEnv: process.env,
    clock: systemClock,
    fileReader: vscodeFileReader,
    mayReadWorkspaceFiles: vscode.workspace.isTrusted,
  };
}

/** SecretStorage first, then `GWHTTP_SECRET_<KEYID>`, then the private env file / `.env` (trusted only). */
export function secretSourcesFor(context: VariableContext, storage: SecretStorageSource): SecretSource[] {
  const sources: SecretSource[] = [
    storage,
    environmentSecretSource(context.processEnv),
    awsCredentialSource(context.processEnv, context.fileReader),
  ];
  if (context.mayReadWorkspaceFiles) {
    sources.push(dotenvSecretSource(context.requestFile, context.searchRoot, context.fileReader));
  }
  return sources;
}
