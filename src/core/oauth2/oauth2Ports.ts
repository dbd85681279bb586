/** What the front ends do for the interactive OAuth2 grants (the browser, the device code). */
export interface OAuth2Interaction {
  /**
   * Shows the user the authorization URL of the `authorization_code` grant (VS Code opens the browser;
   * the CLI prints it). Resolves once shown; the loopback redirect is awaited by the core.
   */
  openAuthorizationUrl(prompt: { name: string; url: string; redirectUri: string }): Promise<void>;
  /** Shows the user code and where to enter it (`device_code` grant); resolves once shown. */
  showDeviceCode(prompt: {
    name: string;
    userCode: string;
    verificationUri: string;
    verificationUriComplete: string | null;
    expiresInSeconds: number;
  }): Promise<void>;
}

/** A token as the cache keeps it. `expiresAt` is epoch ms, or null when the server gave no lifetime. */
export interface OAuth2Token {
  accessToken: string;
  tokenType: string;
  refreshToken: string | null;
  expiresAt: number | null;
  /** When the token was received (epoch ms), for the refresh margin. */
  receivedAt: number;
}

/** Where tokens outlive a run (the editor's SecretStorage); the CLI keeps none. */
export interface OAuth2TokenStore {
  read(key: string): Promise<OAuth2Token | undefined>;
  write(key: string, token: OAuth2Token): Promise<void>;
  forget(key: string): Promise<void>;
  /** Forgets every stored token (also those of earlier windows); returns how many there were. */
  forgetAll(): Promise<number>;
}

/** Waits `ms` (the device-code polling interval); rejects when `signal` aborts. */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

export const realSleep: Sleep = (ms, signal) =>
  new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason as Error);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason as Error);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });

/** A stored token read back: the shape checked, or undefined. */
export function parseStoredToken(text: string | undefined): OAuth2Token | undefined {
  if (text === undefined) return undefined;
  try {
    const value = JSON.parse(text) as Partial<OAuth2Token>;
    if (typeof value.accessToken !== 'string' || typeof value.receivedAt !== 'number') return undefined;
    return {
      accessToken: value.accessToken,
      tokenType: typeof value.tokenType === 'string' ? value.tokenType : 'bearer',
      refreshToken: typeof value.refreshToken === 'string' ? value.refreshToken : null,
      expiresAt: typeof value.expiresAt === 'number' ? value.expiresAt : null,
      receivedAt: value.receivedAt,
    };
  } catch {
    return undefined;
  }
}
