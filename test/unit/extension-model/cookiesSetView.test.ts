import assert from 'node:assert/strict';

import type { CookieSet } from '../../../src/core/cookies/cookieSet';
import { buildResponseViewModel } from '../../../src/core/presentation/buildResponseViewModel';
import { renderResponse } from '../../../src/webview/renderResponse';
import type { ViewNode } from '../../../src/webview/viewNode';
import { exchangeFixture, secret } from './exchangeFixture';

const cookie = (overrides: Partial<CookieSet>): CookieSet => ({
  url: 'http://127.0.0.1:8080/login',
  name: 'sid',
  value: 'abc',
  domain: '127.0.0.1',
  path: '/',
  expires: null,
  secure: false,
  httpOnly: true,
  sameSite: null,
  rejected: null,
  ...overrides,
});

function texts(node: ViewNode, out: string[] = []): string[] {
  if (node.text !== undefined) out.push(node.text);
  for (const child of node.children ?? []) if (child) texts(child, out);
  return out;
}

describe('cookies set, in the panel’s Headers tab', () => {
  it('lists each cookie with its attributes, a secret value masked, a refused one with the reason', () => {
    const model = buildResponseViewModel(
      exchangeFixture({
        cookiesSet: [
          cookie({ value: secret, expires: '2026-11-24T10:00:00.000Z', sameSite: 'lax' }),
          cookie({ name: 'away', domain: 'example.com', rejected: "Cookie not in this host's domain." }),
        ],
      }),
    );
    assert.equal(model.cookies?.length, 2);
    assert.ok(!JSON.stringify(model).includes(secret));
    assert.equal(
      model.cookies?.[0].attributes,
      'Domain 127.0.0.1 · Path / · expires 2026-11-24T10:00:00.000Z · HttpOnly · SameSite lax',
    );
    const shown = texts(renderResponse(model, { tab: 'headers', bodyMode: 'pretty', cards: {} }));
    assert.ok(shown.includes('Cookies set (2)'), shown.join('|'));
    assert.ok(shown.includes('away'));
    assert.ok(shown.includes("not kept: Cookie not in this host's domain."));
  });

  it('says nothing of cookies when the response set none', () => {
    const model = buildResponseViewModel(exchangeFixture({ cookiesSet: [] }));
    assert.equal(model.cookies, undefined);
    const shown = texts(renderResponse(model, { tab: 'headers', bodyMode: 'pretty', cards: {} }));
    assert.ok(!shown.some((line) => line.startsWith('Cookies set')));
  });
});
