/** The one redaction module: every output of gwhttp passes through a `Redactor` (see redactor.ts). */
export { loadFileSecrets } from './loadFileSecrets';
export { Redactor, runRedactor } from './redactor';
export { secretMask } from './secretMask';
export { dotenvSecrets, environmentSecrets, processEnvSecrets } from './secretValues';
