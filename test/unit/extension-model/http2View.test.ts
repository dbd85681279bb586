import assert from 'node:assert/strict';

import { buildResponseViewModel } from '../../../src/core/presentation/buildResponseViewModel';
import { toCurl } from '../../../src/core/presentation/toCurl';
import { Redactor } from '../../../src/core/redaction';
import { renderResponse } from '../../../src/webview/renderResponse';
import type { ViewNode } from '../../../src/webview/viewNode';
import { exchangeFixture } from './exchangeFixture';

function texts(node: ViewNode | string | null | undefined, found: string[] = []): string[] {
  if (node === null || node === undefined) return found;
  if (typeof node === 'string') {
    found.push(node);
    return found;
  }
  if (typeof node.text === 'string') found.push(node.text);
  for (const child of node.children ?? []) texts(child as ViewNode, found);
  return found;
}

describe('the panel over HTTP/2', () => {
  it('says HTTP/2 on the status line and shows the pseudo-headers sent, without connection headers', () => {
    const exchange = exchangeFixture({}, { httpVersion: '2' });
    exchange.request = {
      ...exchange.request,
      url: 'https://api.example.com/release/orders?x=1',
      headers: [{ name: 'Connection', value: 'keep-alive' }, ...exchange.request.headers],
    };
    const model = buildResponseViewModel(exchange);
    assert.equal(model.httpVersion, '2');
    const names = model.request.headers.map((header) => header.name);
    assert.deepEqual(names.slice(0, 4), [':method', ':path', ':authority', ':scheme']);
    assert.equal(model.request.headers[1].value, '/release/orders?x=1');
    assert.equal(model.request.headers[2].value, 'api.example.com');
    assert.ok(!names.some((name) => name.toLowerCase() === 'connection'));
    const shown = texts(renderResponse(model, { tab: 'body', bodyMode: 'pretty', cards: {} }) as ViewNode);
    assert.ok(shown.includes('HTTP/2'), shown.slice(0, 10).join(' | '));
  });

  it('says HTTP/1.1 for a response with no version recorded, with the HTTP/1.1 header lines', () => {
    const model = buildResponseViewModel(exchangeFixture());
    assert.equal(model.httpVersion, '1.1');
    assert.equal(model.request.headers[0].name, 'Host');
  });

  it('Copy as cURL asks for HTTP/2', () => {
    const request = { method: 'GET', url: 'http://127.0.0.1:1/x', headers: [], body: null };
    const redactor = new Redactor([]);
    assert.match(toCurl(request, { redactor, signedAt: null, httpVersion: '2' }).command, /--http2-prior-knowledge/);
    assert.match(
      toCurl({ ...request, url: 'https://a.example/x' }, { redactor, signedAt: null, httpVersion: '2' }).command,
      /--http2\b/,
    );
  });
});
