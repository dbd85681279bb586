/** The variables area: resolution, environments and the pure helpers the editor and CLI use. */
export { checkVariables } from './checkVariables';
export { type DescribeOptions, describeVariables, type VariableDescription } from './describeVariables';
export { findVariableReferences, hasVariableReferences, type VariableReference } from './findVariableReferences';
export { loadDotenv, type LoadedDotenv } from './loadDotenv';
export {
  defaultSigningKey,
  type EnvironmentKeyLocation,
  type LoadedEnvironments,
  sharedEnvironmentName,
} from './loadedEnvironments';
export { environmentFileNames, jetBrainsEnvironmentFileNames, loadEnvironments } from './loadEnvironments';
export type { PreparedRequest } from './preparedRequest';
export { loadContextDotenv, loadContextEnvironments, prepareRequest } from './prepareRequest';
export { referencedRequestNames } from './referencedRequestNames';
export { isSecretName, maskedValue } from './secretMask';
export { checkSystemVariable, systemVariableHelp, systemVariables } from './systemVariables';
export type { ChainedExchange, VariableContext } from './variableContext';
export type { ChainTarget, VariableReferenceKind } from './variableReference';
