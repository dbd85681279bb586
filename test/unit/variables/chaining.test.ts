import assert from 'node:assert/strict';

import { isGwHttpError } from '../../../src/core/errors';
import type { FileVariable } from '../../../src/core/model/document';
import { prepareRequest } from '../../../src/core/variables/prepareRequest';
import { referencedRequestNames } from '../../../src/core/variables/referencedRequestNames';
import type { ChainedExchange } from '../../../src/core/variables/variableContext';
import { located } from '../located';
import { makeContext, makeDocument, makeExchange, makeRequest } from './variableTestKit';

const loginExchange = makeExchange({
  responseBody: JSON.stringify({
    token: 'tok-123',
    user: { id: 7, roles: ['admin', 'dev'] },
    items: [{ sku: 'A' }, { sku: 'B' }],
  }),
  responseHeaders: [
    ['X-Trace', 'trace-1'],
    ['Set-Cookie', 'a=1'],
    ['set-cookie', 'b=2'],
  ],
  requestHeaders: [['X-Request-Id', 'req-9']],
});

describe('request chaining', () => {
  const login = makeRequest({ name: 'login', line: 3 });
  const resolveUrl = async (
    url: string,
    chain: Map<string, ChainedExchange> = new Map([['login', loginExchange]]),
    variables: FileVariable[] = [],
  ) => {
    const request = makeRequest({ line: 20, url });
    return (await prepareRequest(makeDocument([login, request], variables), request, makeContext({ chain }))).outgoing
      .url;
  };

  it('reads the response body by JSONPath (strings as is, other values as JSON)', async () => {
    assert.equal(await resolveUrl('http://x/{{login.response.body.$.token}}'), 'http://x/tok-123');
    assert.equal(await resolveUrl('http://x/{{login.response.body.$.user.id}}'), 'http://x/7');
    assert.equal(await resolveUrl('http://x/{{login.response.body.$.items[1].sku}}'), 'http://x/B');
    assert.equal(await resolveUrl('{{login.response.body.$.user.roles}}'), '["admin","dev"]');
    assert.equal(await resolveUrl('{{login.response.body.$.items[?(@.sku==="A")].sku}}'), 'A');
  });

  it('reads the whole body with *', async () => {
    assert.equal(await resolveUrl('{{login.response.body.*}}'), loginExchange.response.body);
  });

  it('reads response headers case-insensitively (repeated ones joined) and request headers', async () => {
    assert.equal(await resolveUrl('http://x/{{login.response.headers.x-trace}}'), 'http://x/trace-1');
    assert.equal(await resolveUrl('{{login.response.headers.SET-COOKIE}}'), 'a=1, b=2');
    assert.equal(await resolveUrl('http://x/{{login.request.headers.X-Request-Id}}'), 'http://x/req-9');
  });

  it('chaining results feed file variables', async () => {
    const variables = [{ name: 'auth', value: 'Bearer {{login.response.body.$.token}}', line: 1 }];
    assert.equal(await resolveUrl('{{auth}}', undefined, variables), 'Bearer tok-123');
  });

  it('explains a JSONPath that matches nothing, a body that is not JSON and a missing header', async () => {
    const expectMessage = (promise: Promise<unknown>, pattern: RegExp) =>
      assert.rejects(promise, (error: unknown) => {
        assert.ok(isGwHttpError(error));
        assert.equal(error.code, 'variable');
        assert.match(located(error), pattern);
        return true;
      });
    await expectMessage(
      resolveUrl('{{login.response.body.$.nope}}'),
      /^untitled:20: \{\{login\.response\.body\.\$\.nope\}\}: the JSONPath \$\.nope matched nothing in the response body of "login"/,
    );
    const html = new Map([['login', makeExchange({ responseBody: '<html>' })]]);
    await expectMessage(resolveUrl('{{login.response.body.$.token}}', html), /response body of "login" is not JSON/);
    await expectMessage(
      resolveUrl('{{login.response.headers.X-Missing}}'),
      /the response of "login" has no header X-Missing/,
    );
  });

  it('a request not yet sent, or not in the file, is a clear error', async () => {
    await assert.rejects(resolveUrl('{{login.response.body.$.token}}', new Map()), (error: unknown) => {
      assert.ok(isGwHttpError(error));
      assert.match(located(error), /needs the response of request "login", which has not been sent in this run/);
      assert.match(error.hint ?? '', /Send "login" first/);
      return true;
    });
    await assert.rejects(resolveUrl('{{signup.response.body.$.id}}'), /no request in this file has "# @name signup"/);
  });

  it('an XPath selector is refused with a hint', async () => {
    await assert.rejects(resolveUrl('{{login.response.body.//token}}'), /XPath selectors are not supported/);
  });
});

describe('referencedRequestNames', () => {
  it('lists chained requests from URL, headers, directives and body, once each, in order', () => {
    const request = makeRequest({
      url: 'http://x/{{create.response.body.$.id}}',
      headers: [{ name: 'Authorization', value: 'Bearer {{login.response.body.$.token}}', line: 2 }],
      directives: [{ name: 'sign', key: 'sign', value: 'tencent-keypair id={{keys.response.body.$.id}}', line: 1 }],
      body: '{"trace": "{{login.response.headers.X-Trace}}", "plain": "{{host}}"}',
    });
    assert.deepEqual(referencedRequestNames(request), ['create', 'login', 'keys']);
  });

  it('follows file variables when given the document, without looping on cycles', () => {
    const request = makeRequest({ url: '{{auth}}' });
    const variables = [
      { name: 'auth', value: '{{token}} {{a}}', line: 1 },
      { name: 'token', value: '{{login.response.body.$.token}}', line: 2 },
      { name: 'a', value: '{{auth}}', line: 3 },
    ];
    assert.deepEqual(referencedRequestNames(request), []);
    assert.deepEqual(referencedRequestNames(request, makeDocument([request], variables)), ['login']);
  });
});
