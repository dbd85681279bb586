import assert from 'node:assert/strict';

import { buildResponseViewModel } from '../../../src/core/presentation/buildResponseViewModel';
import { earlierExchanges } from '../../../src/core/presentation/earlierExchanges';
import { Redactor } from '../../../src/core/redaction';
import { renderResponse } from '../../../src/webview/renderResponse';
import type { ViewNode } from '../../../src/webview/viewNode';
import { exchangeFixture, secret } from './exchangeFixture';

function texts(node: ViewNode | null): string[] {
  if (node === null) return [];
  return [
    ...(node.text === undefined ? [] : [node.text]),
    ...(node.children ?? []).flatMap((child) => texts(child as ViewNode)),
  ];
}

describe('Request tab: both exchanges of a Digest send', () => {
  const challenge = {
    request: {
      method: 'GET',
      url: `http://127.0.0.1:9/digest/x?k=${secret}`,
      headers: [{ name: 'Accept', value: 'application/json' }],
      body: null,
    },
    status: 401,
    wwwAuthenticate: ['Digest realm="r", qop="auth", algorithm=SHA-256, nonce="n1"'],
  };

  it('earlierExchanges turns the 401 challenge into one earlier exchange; none without it', () => {
    assert.equal(earlierExchanges({ digestChallenge: null }), undefined);
    const [earlier] = earlierExchanges({ digestChallenge: challenge })!;
    assert.equal(earlier.status, 401);
    assert.deepEqual(earlier.responseHeaders, [{ name: 'WWW-Authenticate', value: challenge.wwwAuthenticate[0] }]);
  });

  it('the view model carries it (secrets masked) and the Request tab shows the first send, then the answered one', () => {
    const model = buildResponseViewModel(
      exchangeFixture({ earlier: earlierExchanges({ digestChallenge: challenge }), redactor: new Redactor([secret]) }),
    );
    assert.equal(model.request.earlier?.length, 1);
    assert.ok(!JSON.stringify(model).includes(secret));
    const shown = texts(renderResponse(model, { tab: 'request', bodyMode: 'pretty', cards: {} }));
    const first = shown.indexOf('Send 1: answered 401, then sent again');
    const second = shown.indexOf('Send 2: the request as answered');
    assert.ok(first >= 0 && second > first, shown.join(' | '));
    assert.ok(shown.includes(challenge.wwwAuthenticate[0]));
  });

  it('an ordinary send has no earlier exchanges', () => {
    assert.equal(buildResponseViewModel(exchangeFixture()).request.earlier, undefined);
  });
});
