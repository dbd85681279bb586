import assert from 'node:assert/strict';

import type * as vscode from 'vscode';

import type { OAuth2Token } from '../../../src/core/oauth2/oauth2Ports';
import { SecretStorageTokenStore } from '../../../src/extension/adapters/secretStorageTokenStore';

/** VS Code's SecretStorage as the adapter uses it: get, store, delete. */
function memorySecretStorage(): { storage: vscode.SecretStorage; entries: Map<string, string> } {
  const entries = new Map<string, string>();
  const storage = {
    get: (key: string) => Promise.resolve(entries.get(key)),
    store: (key: string, value: string) => Promise.resolve(void entries.set(key, value)),
    delete: (key: string) => Promise.resolve(void entries.delete(key)),
  } as unknown as vscode.SecretStorage;
  return { storage, entries };
}

const token: OAuth2Token = {
  accessToken: 'access-token-abcdef',
  tokenType: 'bearer',
  refreshToken: 'refresh-token-abcdef',
  expiresAt: 1_800_000_000_000,
  receivedAt: 1_799_999_000_000,
};

describe('SecretStorageTokenStore (the editor keeps OAuth2 tokens in SecretStorage)', () => {
  it('writes, reads back, and forgets one or every token under gwhttp.oauth2.*', async () => {
    const { storage, entries } = memorySecretStorage();
    const store = new SecretStorageTokenStore(storage);
    await store.write('dev/api/0123', token);
    await store.write('prod/api/4567', { ...token, refreshToken: null, expiresAt: null });
    assert.deepEqual(await store.read('dev/api/0123'), token);
    assert.equal((await store.read('prod/api/4567'))?.refreshToken, null);
    assert.ok([...entries.keys()].every((key) => key.startsWith('gwhttp.oauth2.')));
    await store.forget('dev/api/0123');
    assert.equal(await store.read('dev/api/0123'), undefined);
    assert.equal(await store.forgetAll(), 1);
    assert.equal(entries.size, 0);
  });

  it('reads a damaged entry as no token', async () => {
    const { storage, entries } = memorySecretStorage();
    entries.set('gwhttp.oauth2.dev/api/0123', '{not json');
    assert.equal(await new SecretStorageTokenStore(storage).read('dev/api/0123'), undefined);
  });
});
