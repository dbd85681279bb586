import { GwHttpError, type SourceLocation, untitledFile } from '../errors';
import type { ParsedDocument, ParsedRequest } from '../model/document';
import type { SecretSource } from '../ports';
import { resolveSecret } from '../secrets/resolveSecret';
import { substituteVariables } from '../variables/substituteVariables';
import type { VariableSources } from '../variables/variableSources';
import type { OAuth2Secrets } from './oauth2Calls';
import { type OAuth2Config, oauth2ConfigKey, readOAuth2Configs, resolveOAuth2Config } from './oauth2Config';
import type { OAuth2Session } from './oauth2Session';
import { oauth2AuthDirective, type OAuth2Use, oauth2Uses } from './oauth2Uses';

/** What acquiring a request's OAuth2 tokens needs besides its variables. */
export interface OAuth2Access {
  /** The run's (CLI) or window's (editor) token cache; absent: a request that uses OAuth2 fails. */
  session?: OAuth2Session;
  secretSources: readonly SecretSource[];
  signal?: AbortSignal;
}

/** The tokens a request uses, by configuration name, and every secret in play (for the redactor). */
export interface RequestTokens {
  tokens: ReadonlyMap<string, string>;
  /** `# @auth oauth2 NAME`: the access token for its `Authorization: Bearer`, or null. */
  authorization: string | null;
  secrets: string[];
}

const none: RequestTokens = { tokens: new Map(), authorization: null, secrets: [] };

/**
 * The one OAuth2 step of every front end (inside prepareRequest): finds the configurations the
 * request uses (`{{$oauth2 NAME}}`, `# @auth oauth2 NAME`), looks up their secrets and gets each
 * token from the session's cache or the identity provider. A `{{$oauth2 NAME}}` with no such
 * configuration is left to variable resolution, which reports it at its line.
 */
export async function acquireRequestTokens(
  document: ParsedDocument,
  request: ParsedRequest,
  sources: VariableSources,
  access: OAuth2Access,
): Promise<RequestTokens> {
  const directive = oauth2AuthDirective(request);
  const hasConfigs =
    Object.hasOwn(sources.environment, oauth2ConfigKey) || Object.hasOwn(sources.shared, oauth2ConfigKey);
  if (!hasConfigs && directive === null) return none;
  const configs = readOAuth2Configs(sources.environment, sources.shared);
  const authName = directive ? substituteVariables(directive.name, directive.line, sources).trim() : null;
  const uses = oauth2Uses(request, document, { ...sources.shared, ...sources.environment }).filter((use) =>
    Object.hasOwn(configs, use.name),
  );
  if (directive && authName !== null) {
    if (!Object.hasOwn(configs, authName)) throw missingConfig(authName, directive, sources, Object.keys(configs));
    if (!uses.some((use) => use.name === authName)) uses.push({ name: authName, line: directive.line });
  }
  if (uses.length === 0) return none;
  const tokens = new Map<string, string>();
  const secrets: string[] = [];
  for (const use of uses) {
    const location = locationOf(use, sources);
    const config = resolveOAuth2Config(
      use.name,
      configs[use.name],
      (text) => substituteVariables(text, use.line, sources),
      location,
    );
    const session = access.session;
    if (!session) throw notAvailable(config, location);
    const found = await lookupSecrets(config, access.secretSources, location);
    secrets.push(...[found.clientSecret, found.password, found.refreshToken].filter((value) => value !== null));
    const token = await session.token({
      environmentName: sources.environmentName,
      config,
      secrets: found,
      location,
      signal: access.signal,
    });
    tokens.set(use.name, token.accessToken);
    secrets.push(token.accessToken, ...(token.refreshToken === null ? [] : [token.refreshToken]));
  }
  return { tokens, authorization: authName === null ? null : (tokens.get(authName) ?? null), secrets };
}

function locationOf(use: OAuth2Use, sources: VariableSources): SourceLocation {
  return { file: sources.requestFile ?? untitledFile, line: use.line };
}

/** The configuration's secrets: written in it (`{{…}}` resolved), else from the secret sources by id. */
async function lookupSecrets(
  config: OAuth2Config,
  sources: readonly SecretSource[],
  location: SourceLocation,
): Promise<OAuth2Secrets> {
  const clientSecret =
    config.clientSecret ??
    (config.grant === 'client_credentials'
      ? await resolveSecret(config.clientSecretId, sources, location)
      : await optionalSecret(config.clientSecretId, sources));
  const password =
    config.grant === 'password'
      ? (config.password ?? (await resolveSecret(config.passwordId, sources, location)))
      : null;
  const refreshToken =
    config.grant === 'refresh_token'
      ? (config.refreshToken ?? (await optionalSecret(config.refreshTokenId, sources)))
      : null;
  return { clientSecret, password, refreshToken };
}

async function optionalSecret(keyId: string, sources: readonly SecretSource[]): Promise<string | null> {
  for (const source of sources) {
    const value = (await source.getSecret(keyId))?.trim();
    if (value !== undefined && value !== '') return value;
  }
  return null;
}

function missingConfig(name: string, use: OAuth2Use, sources: VariableSources, known: string[]): GwHttpError {
  const environment =
    sources.environmentName === null ? 'no environment is selected' : `environment "${sources.environmentName}"`;
  return new GwHttpError(
    'oauth2',
    `OAuth2 configuration "${name}" is not defined (${environment}; known: ${known.length > 0 ? known.join(', ') : 'none'}).`,
    locationOf(use, sources),
    {
      hint: `Add "${oauth2ConfigKey}": {"${name}": {"grant": "client_credentials", "tokenEndpoint": "https://…/token", "clientId": "…"}} to the environment (or "$shared") in gwhttp.env.json.`,
    },
  );
}

function notAvailable(config: OAuth2Config, location: SourceLocation): GwHttpError {
  return new GwHttpError('oauth2', `OAuth2 "${config.name}": tokens cannot be fetched here.`, location, {
    hint: 'Send the request (gwhttp send, or Send Request in VS Code) to fetch the token.',
  });
}
