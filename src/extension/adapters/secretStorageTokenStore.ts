import type * as vscode from 'vscode';

import { type OAuth2Token, type OAuth2TokenStore, parseStoredToken } from '../../core';

const prefix = 'gwhttp.oauth2.';
/** The keys written, so "Forget OAuth2 Tokens" can find them (SecretStorage lists no keys). */
const indexKey = `${prefix}keys`;

/** OAuth2 tokens kept in VS Code's SecretStorage across windows and restarts (never in settings or files). */
export class SecretStorageTokenStore implements OAuth2TokenStore {
  constructor(private readonly storage: vscode.SecretStorage) {}

  async read(key: string): Promise<OAuth2Token | undefined> {
    return parseStoredToken(await this.storage.get(prefix + key));
  }

  async write(key: string, token: OAuth2Token): Promise<void> {
    await this.storage.store(prefix + key, JSON.stringify(token));
    const keys = await this.keys();
    if (!keys.includes(key)) await this.storage.store(indexKey, JSON.stringify([...keys, key]));
  }

  async forget(key: string): Promise<void> {
    await this.storage.delete(prefix + key);
    const keys = await this.keys();
    if (keys.includes(key)) await this.storage.store(indexKey, JSON.stringify(keys.filter((k) => k !== key)));
  }

  /** Forgets every stored token; returns how many there were. */
  async forgetAll(): Promise<number> {
    const keys = await this.keys();
    await Promise.all(keys.map((key) => this.storage.delete(prefix + key)));
    await this.storage.delete(indexKey);
    return keys.length;
  }

  private async keys(): Promise<string[]> {
    try {
      const value: unknown = JSON.parse((await this.storage.get(indexKey)) ?? '[]');
      return Array.isArray(value) ? value.filter((key): key is string => typeof key === 'string') : [];
    } catch {
      return [];
    }
  }
}
