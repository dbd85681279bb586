/** The variables area: resolution, environments and the pure helpers the editor and CLI use. */
export { prepareRequest, loadContextEnvironments, loadContextDotenv } from './prepareRequest';
export type { PreparedRequest } from './preparedRequest';
export type { ChainedExchange, VariableContext } from './variableContext';
export { loadEnvironments, environmentFileNames, jetBrainsEnvironmentFileNames } from './loadEnvironments';
export { defaultSigningKey, sharedEnvironmentName, type LoadedEnvironments, type EnvironmentKeyLocation } from './loadedEnvironments';
export { loadDotenv, type LoadedDotenv } from './loadDotenv';
export { findVariableReferences, hasVariableReferences, type VariableReference } from './findVariableReferences';
export type { VariableReferenceKind, ChainTarget } from './variableReference';
export { referencedRequestNames } from './referencedRequestNames';
export { checkVariables } from './checkVariables';
export { describeVariables, type VariableDescription, type DescribeOptions } from './describeVariables';
export { systemVariables, systemVariableHelp, checkSystemVariable } from './systemVariables';
export { isSecretName, maskedValue } from './secretMask';
