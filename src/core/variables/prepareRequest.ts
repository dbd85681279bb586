import { encodeBasicAuthorization } from '../auth/basicAuthorization';
import { GwHttpError, type SourceLocation } from '../errors';
import { graphqlRequest } from '../graphql/graphqlRequest';
import {
  type Directive,
  directiveOf,
  type ParsedDocument,
  type ParsedRequest,
  type ResponseSaveLine,
} from '../model/document';
import type { HeaderField } from '../model/outgoing';
import { acquireRequestTokens, type RequestTokens } from '../oauth2/acquireRequestTokens';
import type { SecretSource } from '../ports';
import { answerDeclaredPrompts, answerInlinePrompt, maskedOverrides } from './askPrompts';
import { chooseContextEnvironment, chosenName } from './chooseEnvironment';
import { loadDotenv, type LoadedDotenv } from './loadDotenv';
import { defaultSigningKey, type LoadedEnvironments } from './loadedEnvironments';
import { loadEnvironments } from './loadEnvironments';
import type { PreparedRequest } from './preparedRequest';
import { noPromptAnswers, PromptNeeded } from './promptAnswers';
import { resolveBody } from './resolveBody';
import { substituteVariables } from './substituteVariables';
import type { VariableContext } from './variableContext';
import { buildVariableSources, type VariableSources } from './variableSources';

/**
 * Resolves every `{{…}}` of a request (URL, headers, directive values except `@name`, body and
 * `<@ file` bodies) and reads its body bytes, asking for its prompts (`# @prompt`, `{{$input}}`,
 * `{{$password}}`, `{{$pick}}`) through the context's prompter. Throws GwHttpError('variable') naming an unresolved
 * variable, its line and where it was looked for, or GwHttpError('file') for an unreadable body or
 * env file, or GwHttpError('aborted') when a prompt is cancelled; nothing is sent then.
 */
export async function prepareRequest(
  document: ParsedDocument,
  request: ParsedRequest,
  context: VariableContext,
  options: PrepareOptions = {},
): Promise<PreparedRequest> {
  const environments = context.environments ?? (await loadContextEnvironments(context));
  const environmentName = environmentUsed(environments, context);
  const dotenv = context.dotenv !== undefined ? context.dotenv : await loadContextDotenv(context);
  const chosen = { ...context, environmentName };
  const answers = noPromptAnswers();
  await answerDeclaredPrompts(request, context, answers);
  const oauth2 = await acquireRequestTokens(
    document,
    request,
    buildVariableSources(document, chosen, environments, dotenv, answers),
    { session: context.oauth2, secretSources: options.secretSources ?? [], signal: options.signal },
  );
  const tokens = oauth2.tokens.size === 0 ? undefined : oauth2.tokens;
  for (;;) {
    const sources = buildVariableSources(document, chosen, environments, dotenv, answers, tokens);
    try {
      const prepared = await prepareWith(request, sources, context, oauth2);
      const masked = hasOverrides(context) ? maskedOverrides(context.overrides, sources.fileVariables) : [];
      if (answers.secrets.length === 0 && masked.length === 0) return prepared;
      return { ...prepared, secrets: [...(prepared.secrets ?? []), ...answers.secrets, ...masked] };
    } catch (error) {
      // A prompt variable without an answer yet: ask, then resolve again (each pass answers one more).
      if (!(error instanceof PromptNeeded) || answers.inline.has(error.expression)) throw error;
      await answerInlinePrompt(error, context, answers);
    }
  }
}

async function prepareWith(
  request: ParsedRequest,
  sources: VariableSources,
  context: VariableContext,
  oauth2: RequestTokens,
): Promise<PreparedRequest> {
  const method = substituteVariables(request.method, request.line, sources);
  const directives = request.directives.map((directive) => resolveDirective(directive, sources));
  const url = substituteVariables(request.url, request.urlLine, sources).trim();
  const written: HeaderField[] = request.headers.map((header) => ({
    name: substituteVariables(header.name, header.line, sources).trim(),
    value: substituteVariables(header.value, header.line, sources),
  }));
  const { headers, secrets: basicSecrets } = encodeBasicAuthorization(withBearer(written, oauth2));
  const secrets = oauth2.secrets.length === 0 ? basicSecrets : [...basicSecrets, ...oauth2.secrets];
  return {
    source: request,
    outgoing: graphqlRequest(
      { method, url, headers, body: await resolveBody(request, sources, context.fileReader) },
      bodyLocation(request, sources),
    ),
    secrets,
    ...saveTarget(request, directives, sources),
    directives,
    defaultSigning: resolveDefaultSigning(sources, request.line),
    assertions: request.assertions.map((assertion) => ({
      ...assertion,
      text: substituteVariables(assertion.text, assertion.line, sources),
    })),
  };
}

function hasOverrides(context: VariableContext): boolean {
  for (const _name in context.overrides) return true;
  return false;
}

/** What preparing may need besides the variables: the secret sources and the run's cancel (OAuth2 tokens). */
export interface PrepareOptions {
  secretSources?: readonly SecretSource[];
  signal?: AbortSignal;
}

/** `# @auth oauth2 NAME`: `Authorization: Bearer <token>` added unless the request has an Authorization header. */
function withBearer(headers: HeaderField[], oauth2: RequestTokens): HeaderField[] {
  if (oauth2.authorization === null) return headers;
  if (headers.some((header) => header.name.toLowerCase() === 'authorization')) return headers;
  return [...headers, { name: 'Authorization', value: `Bearer ${oauth2.authorization}` }];
}

export function loadContextEnvironments(context: VariableContext): Promise<LoadedEnvironments> {
  return context.mayReadWorkspaceFiles
    ? loadEnvironments(context.requestFile, context.searchRoot, context.fileReader, context.settingsEnvironments)
    : loadEnvironments(null, null, context.fileReader, context.settingsEnvironments);
}

export function loadContextDotenv(context: VariableContext): Promise<LoadedDotenv | null> {
  return context.mayReadWorkspaceFiles
    ? loadDotenv(context.requestFile, context.searchRoot, context.fileReader)
    : Promise.resolve(null);
}

/** The environment this file uses (see chooseEnvironment); throws when a `--env` name is not defined for it. */
function environmentUsed(environments: LoadedEnvironments, context: VariableContext): string | null {
  const choice = chooseContextEnvironment(environments, context);
  if (choice.kind !== 'undefined') return chosenName(choice);
  const name = choice.name;
  const setting = Object.keys(context.settingsEnvironments ?? {}).length > 0 ? ['gwhttp.environments setting'] : [];
  const files = [...environments.files, ...setting].join(', ') || 'no env file found';
  const known = environments.names.length > 0 ? environments.names.join(', ') : 'none';
  const trust = context.mayReadWorkspaceFiles ? '' : ' (env files were not read: the workspace is not trusted)';
  throw new GwHttpError(
    'variable',
    `environment "${name}" is not defined${trust}. Known environments: ${known} (read: ${files})`,
    null,
    { hint: `Add "${name}": { … } to gwhttp.env.json beside the request file, or pick one of: ${known}.` },
  );
}

/** `>> path` / `>>! path`, else `# @save path` (which replaces the file), with `{{…}}` resolved. */
function saveTarget(
  request: ParsedRequest,
  directives: readonly Directive[],
  sources: VariableSources,
): { saveResponse?: ResponseSaveLine } {
  const line = request.saveResponse;
  if (line) return { saveResponse: { ...line, path: substituteVariables(line.path, line.line, sources).trim() } };
  const directive = directiveOf({ directives }, 'save');
  if (!directive || directive.value.trim() === '') return {};
  return { saveResponse: { path: directive.value.trim(), overwrite: true, line: directive.line } };
}

function bodyLocation(request: ParsedRequest, sources: VariableSources): SourceLocation | null {
  if (sources.requestFile === null) return null;
  return { file: sources.requestFile, line: request.bodyRange?.startLine ?? request.line };
}

function resolveDirective(directive: Directive, sources: VariableSources): Directive {
  if (directive.key === 'name' || directive.key === 'prompt') return directive;
  return { ...directive, value: substituteVariables(directive.value, directive.line, sources) };
}

/** The environment's `$sign` (selected environment first, then `$shared`), variables substituted. */
function resolveDefaultSigning(sources: VariableSources, line: number): string | null {
  const raw = sources.environment[defaultSigningKey] ?? sources.shared[defaultSigningKey];
  if (raw === undefined || raw.trim() === '') return null;
  return substituteVariables(raw, line, sources, [
    { key: `env:${defaultSigningKey}`, label: `"${defaultSigningKey}" in the environment` },
  ]).trim();
}
