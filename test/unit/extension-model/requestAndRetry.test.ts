import assert from 'node:assert/strict';

import { buildResponseViewModel } from '../../../src/core/presentation/buildResponseViewModel';
import { renderResponse } from '../../../src/webview/renderResponse';
import { clockTime } from '../../../src/webview/renderThrottle';
import type { ViewNode } from '../../../src/webview/viewNode';
import { exchangeFixture } from './exchangeFixture';

function texts(node: ViewNode): string[] {
  return [...(node.text !== undefined ? [node.text] : []), ...(node.children ?? []).flatMap(texts)];
}

const pad = (value: number): string => String(value).padStart(2, '0');

describe('the Request tab and the Retry-After time', () => {
  it('shows Retry-After and the reset also as a local clock time, counted from when the response came', () => {
    const base = exchangeFixture();
    const exchange = exchangeFixture(
      { throttle: { ...base.throttle!, retryAfterSeconds: 30, resetSeconds: 3600 } },
      { status: 429, statusText: 'Too Many Requests', timings: { ...base.response.timings, totalMs: 2000 } },
    );
    const model = buildResponseViewModel(exchange);
    const arrived = base.sentAt.getTime() + 2000;
    assert.equal(model.throttle?.retryAt, new Date(arrived + 30_000).toISOString());
    assert.equal(model.throttle?.resetAt, new Date(arrived + 3_600_000).toISOString());
    const retry = new Date(arrived + 30_000);
    const clock = `${pad(retry.getHours())}:${pad(retry.getMinutes())}:${pad(retry.getSeconds())}`;
    assert.equal(clockTime(model.throttle?.retryAt), clock);
    const all = texts(renderResponse(model, { tab: 'body', bodyMode: 'pretty', cards: {} }));
    assert.ok(all.includes(`30 s (at ${clock})`), all.join(' | '));
    assert.ok(all.includes(`retry at ${clock}`), 'in the card summary');
    assert.equal(clockTime('not a date'), null);
  });

  it('lists every header line that went on the wire: Host first, Content-Length and Connection after', () => {
    const model = buildResponseViewModel(exchangeFixture());
    const request = exchangeFixture().request;
    assert.deepEqual(
      model.request.headers.map((header) => header.name),
      ['Host', 'X-Date', 'Authorization', 'X-Api-Key', 'Content-Length', 'Connection'],
    );
    assert.equal(model.request.headers[0].value, '127.0.0.1:8080');
    assert.equal(model.request.headers[4].value, String(request.body!.length));
    const all = texts(renderResponse(model, { tab: 'request', bodyMode: 'pretty', cards: {} }));
    assert.ok(all.includes('Content-Length'));
  });
});
