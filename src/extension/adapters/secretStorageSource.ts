import type * as vscode from 'vscode';

import type { SecretSource } from '../../core';

const prefix = 'gwhttp.secret.';

/** Secret keys in VS Code's SecretStorage, by key id (the first source consulted when sending). */
export class SecretStorageSource implements SecretSource {
  readonly description = 'VS Code SecretStorage ("GW HTTP: Store Secret Key…")';

  constructor(private readonly storage: vscode.SecretStorage) {}

  async getSecret(keyId: string): Promise<string | undefined> {
    const value = await this.storage.get(prefix + keyId);
    return value === undefined || value === '' ? undefined : value;
  }

  store(keyId: string, secret: string): Thenable<void> {
    return this.storage.store(prefix + keyId, secret);
  }

  forget(keyId: string): Thenable<void> {
    return this.storage.delete(prefix + keyId);
  }
}
