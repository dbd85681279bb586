import { createHash } from 'node:crypto';

import { GwHttpError, type SourceLocation } from '../errors';
import type { Clock } from '../ports';
import type { GrantContext, OAuth2Secrets } from './oauth2Calls';
import type { OAuth2Config } from './oauth2Config';
import { type OAuth2Interaction, type OAuth2Token, type OAuth2TokenStore, realSleep, type Sleep } from './oauth2Ports';
import type * as grants from './runGrant';

export interface OAuth2SessionOptions {
  clock: Clock;
  /** The front end's browser and device-code prompts; null where nobody can sign in (CI). */
  interaction: OAuth2Interaction | null;
  /** Keeps tokens beyond the session (the editor's SecretStorage); absent: memory only. */
  store?: OAuth2TokenStore | null;
  sleep?: Sleep;
}

/** One token wanted: the configuration (resolved), its secrets, and where it is used. */
export interface OAuth2TokenRequest {
  environmentName: string | null;
  config: OAuth2Config;
  secrets: OAuth2Secrets;
  location: SourceLocation;
  signal?: AbortSignal;
}

/** A token is refreshed this long before it expires: 10% of its lifetime, at most 60 s. */
const maxRefreshMarginMs = 60_000;

/**
 * The OAuth2 tokens of one run (CLI) or one window (editor), keyed by environment, configuration
 * name and a hash of the configuration: a fresh token is reused, one close to expiry is refreshed
 * with its refresh token (or got anew when there is none or it is refused), and sends that want the
 * same token at once share one request to the identity provider.
 */
export class OAuth2Session {
  private readonly tokens = new Map<string, OAuth2Token>();
  private readonly pending = new Map<string, Promise<OAuth2Token>>();
  private readonly sleep: Sleep;

  constructor(private readonly options: OAuth2SessionOptions) {
    this.sleep = options.sleep ?? realSleep;
  }

  /** The token for `wanted`, from the cache while fresh; throws GwHttpError('oauth2') at `wanted.location`. */
  token(wanted: OAuth2TokenRequest): Promise<OAuth2Token> {
    const key = tokenKey(wanted.environmentName, wanted.config);
    const running = this.pending.get(key);
    if (running) return running;
    const obtained = this.obtain(key, wanted).finally(() => this.pending.delete(key));
    this.pending.set(key, obtained);
    return obtained;
  }

  /** Forgets every token (memory and store): the next send fetches anew. Returns how many were forgotten. */
  async forgetAll(): Promise<number> {
    const inMemory = this.tokens.size;
    this.tokens.clear();
    const stored = (await this.options.store?.forgetAll()) ?? 0;
    return Math.max(inMemory, stored);
  }

  private async obtain(key: string, wanted: OAuth2TokenRequest): Promise<OAuth2Token> {
    const now = this.options.clock.now().getTime();
    const cached = this.tokens.get(key) ?? (await this.options.store?.read(key));
    if (cached && isFresh(cached, now)) {
      this.tokens.set(key, cached);
      return cached;
    }
    const context: GrantContext = {
      clock: this.options.clock,
      interaction: this.options.interaction,
      sleep: this.sleep,
      signal: wanted.signal,
      location: wanted.location,
    };
    const token = cached?.refreshToken
      ? await this.refreshed(wanted, cached.refreshToken, context)
      : await loadGrants().runGrant(wanted.config, wanted.secrets, context);
    this.tokens.set(key, token);
    await this.options.store?.write(key, token);
    return token;
  }

  /** A refresh; when the refresh token is refused, the grant runs again (unless it is the refresh_token grant). */
  private async refreshed(wanted: OAuth2TokenRequest, refreshToken: string, context: GrantContext) {
    const { refreshTokenGrant, runGrant } = loadGrants();
    try {
      return await refreshTokenGrant(wanted.config, wanted.secrets, refreshToken, context);
    } catch (error) {
      const refused = error instanceof GwHttpError && error.details.oauthError === 'invalid_grant';
      if (!refused || wanted.config.grant === 'refresh_token') throw error;
      return runGrant(wanted.config, wanted.secrets, context);
    }
  }
}

/** The grants and oauth4webapi, loaded when a token is fetched (the CLI keeps them out of its send bundle). */
function loadGrants(): typeof grants {
  return require('./runGrant') as typeof grants;
}

export function isFresh(token: OAuth2Token, now: number): boolean {
  if (token.expiresAt === null) return true;
  const margin = Math.min(maxRefreshMarginMs, (token.expiresAt - token.receivedAt) / 10);
  return now < token.expiresAt - margin;
}

/** The cache key: environment, name and a hash of the configuration (its secrets left out). */
export function tokenKey(environmentName: string | null, config: OAuth2Config): string {
  const shape: Partial<OAuth2Config> = { ...config };
  delete shape.clientSecret;
  delete shape.password;
  delete shape.refreshToken;
  const hash = createHash('sha256').update(JSON.stringify(shape)).digest('hex').slice(0, 16);
  return `${environmentName ?? ''}/${config.name}/${hash}`;
}
