/**
 * The core's front door: everything the extension and the CLI use from src/core, and nothing else.
 * (src/core/import is a second entry, loaded lazily.) Lint forbids deep imports from the front ends.
 */
export type { AssertionResult } from './assert/assertion';
export { parseAssertion } from './assert/parseAssertion';
export type { ClientCertificateSetting } from './certificates/clientCertificateConfig';
export type { CookieJar } from './cookies/cookieJar';
export { createCookieJar } from './cookies/cookieJar';
export type { CookieSet } from './cookies/cookieSet';
export type { SourceLocation } from './errors';
export { formatLocation, GwHttpError, isGwHttpError } from './errors';
export { parseRequestFile } from './files/parseRequestFile';
export { isFolderRequestFile } from './files/requestFileKind';
export type { ClientCertificate } from './http/clientCertificate';
export { charsetOf, decodeText } from './http/decodeText';
export { http2RequestHeaders } from './http/http2Headers';
export type { HttpClient } from './http/httpClient';
export { createHttpClient } from './http/httpClient';
export type { HttpResponse, HttpVersion } from './http/httpResponse';
export { defaultMaxHeaderSize, maxHeaderSizeLimit } from './http/sendOptions';
export type { CompletionEntry, CompletionEntryKind } from './language/completionEntries';
export { completionEntries } from './language/completionEntries';
export { completionSiteAt } from './language/completionSite';
export { DiagnosticsMemo } from './language/diagnosticsMemo';
export { documentDiagnostics } from './language/documentDiagnostics';
export { splitLines } from './language/documentLines';
export type { OutlineSymbol, SymbolKind } from './language/documentSymbols';
export { documentSymbols } from './language/documentSymbols';
export { foldingRanges } from './language/foldingRanges';
export type { HttpFilesDecision } from './language/httpFilesDecision';
export { decideHttpFiles, httpFilesMode, otherHttpExtensions } from './language/httpFilesDecision';
export type { RequestIdentity } from './language/requestIdentity';
export { describeIdentity, findRequestAgain, requestIdentity } from './language/requestIdentity';
export type { DefinitionTarget } from './language/variableDefinition';
export { definitionForReference } from './language/variableDefinition';
export { hoverForReference, referenceAt } from './language/variableHover';
export type { ParsedRequestText } from './markdown/parseMarkdown';
export { parseMarkdown } from './markdown/parseMarkdown';
export type { Diagnostic } from './model/diagnostic';
export type { ParsedDocument, ParsedRequest } from './model/document';
export type { HeaderField, OutgoingRequest } from './model/outgoing';
export type { OAuth2Interaction, OAuth2Token, OAuth2TokenStore } from './oauth2/oauth2Ports';
export { parseStoredToken } from './oauth2/oauth2Ports';
export { OAuth2Session } from './oauth2/oauth2Session';
export { parseDocument } from './parser/parseDocument';
export { RegionParseMemo } from './parser/regionParseMemo';
export { toParseJson } from './parser/toParseJson';
export type {
  Clock,
  FileReader,
  InputQuestion,
  Logger,
  PickQuestion,
  Prompter,
  PromptQuestion,
  SecretSource,
} from './ports';
export { systemClock } from './ports';
export { bareHost } from './presentation/bareHost';
export { defaultBodyLimits, mimeEssence } from './presentation/buildBodyView';
export { buildResponseViewModel } from './presentation/buildResponseViewModel';
export { earlierExchanges } from './presentation/earlierExchanges';
export { formatBytes } from './presentation/formatBytes';
export { literalSecretOnLine } from './presentation/literalSecretOnLine';
export { quotaChartSvg } from './presentation/quotaChartSvg';
export { keyIdsInRequests, requestSigningHints } from './presentation/requestSigningHints';
export { sendNumber } from './presentation/sendNumber';
export type { CurlCopy } from './presentation/toCurl';
export { toCurl } from './presentation/toCurl';
export { loadFileSecrets, Redactor, runRedactor } from './redaction/index';
export { confirmationText } from './run/confirmationText';
export type { RunContext, RunError } from './run/index';
export { assertSendable } from './run/parseProblems';
export type { SignContext, SignedOutgoing } from './run/prepareAndSign';
export { prepareAndSign, previewPlaceholderSecret } from './run/prepareAndSign';
export { fileResponseStore } from './run/responseFileStore';
export { assertsStatus, outcomeLine, resultPassed, runSummary } from './run/resultOutcome';
export { runRequests } from './run/runRequests';
export type { RunResult } from './run/runTypes';
export { savedBodyNote } from './run/saveResponseStep';
export { dependencyIndexes, sendDependencies } from './run/sendDependencies';
export type { Shard } from './run/shardRequests';
export { parseShard, shardRequests } from './run/shardRequests';
export type { RunWait } from './run/waitWithCountdown';
export { runSecretSources, secretSourcesFor } from './secrets/secretSourcesFor';
export { displayedSigningString } from './signing/displayedSigningString';
export { parseHttpDate } from './signing/httpDate';
export type { SigningInfo } from './signing/signingTypes';
export { fileSnapshotStore } from './snapshot/fileSnapshotStore';
export { formatThrottleLine } from './throttle/formatThrottleLine';
export type { QuotaBudget } from './throttle/quotaBudget';
export { parseQuotaBudget } from './throttle/quotaBudget';
export type { QuotaUse } from './throttle/quotaLedger';
export { formatQuotaUse, QuotaLedger, quotaSampleOf } from './throttle/quotaLedger';
export type { BudgetStop } from './throttle/quotaPacer';
export { QuotaPacer } from './throttle/quotaPacer';
export { environmentNotSelectedCode } from './variables/checkVariables';
export type { EnvironmentChoice } from './variables/chooseEnvironment';
export { chooseContextEnvironment, chooseEnvironment, chosenName, describeChoice } from './variables/chooseEnvironment';
export type { VariableDescription } from './variables/describeVariables';
export { describeVariables } from './variables/describeVariables';
export type { VariableReference } from './variables/findVariableReferences';
export type { LoadedDotenv } from './variables/loadDotenv';
export { loadDotenv } from './variables/loadDotenv';
export type { LoadedEnvironments } from './variables/loadedEnvironments';
export { emptyEnvironments } from './variables/loadedEnvironments';
export { loadEnvironments } from './variables/loadEnvironments';
export { preloadVariables } from './variables/preloadVariables';
export { loadContextDotenv, loadContextEnvironments } from './variables/prepareRequest';
export type { SystemVariableEnvironment } from './variables/systemVariables';
export type { ChainedExchange, VariableContext } from './variables/variableContext';
export type { VariableScope } from './variables/variableScope';
export { variableScope } from './variables/variableScope';
