/** The one redaction module: every output of gwhttp passes through a `Redactor` (see redactor.ts). */
export { credentialHeaderValue, isCredentialHeader } from './credentialHeaders';
export { loadFileSecrets } from './loadFileSecrets';
export { Redactor, runRedactor } from './redactor';
export { minSecretLength, secretMask } from './secretMask';
export { dotenvSecrets, environmentSecrets, loadedFileSecrets, processEnvSecrets } from './secretValues';
