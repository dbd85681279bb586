import assert from 'node:assert/strict';
import * as zlib from 'node:zlib';

import { createHttpClient, type HttpClient } from '../../../src/core/http/httpClient';
import { sendHttp } from '../../../src/core/http/sendHttp';
import type { OutgoingRequest } from '../../../src/core/model/outgoing';
import { type Loopback, startLoopback } from './loopback';
import { fixture, type Http2Loopback, startHttp2 } from './tlsFixtures';

const get = (url: string, headers: OutgoingRequest['headers'] = []): OutgoingRequest => ({
  method: 'GET',
  url,
  headers,
  body: null,
});

describe('sendHttp over HTTP/2', () => {
  let server: Http2Loopback | null = null;
  let h1: Loopback | null = null;
  let client: HttpClient;
  beforeEach(() => (client = createHttpClient()));
  afterEach(async () => {
    await client.close();
    await server?.close();
    await h1?.close();
    server = null;
    h1 = null;
  });

  it('sends over h2 with ALPN: pseudo-headers, Host as :authority, no connection headers', async () => {
    server = await startHttp2((stream) => {
      stream.respond({ ':status': 201, 'content-type': 'text/plain', 'set-cookie': ['a=1', 'b=2'] });
      stream.end('made');
    });
    const body = new TextEncoder().encode('{"a":1}');
    const response = await sendHttp(
      {
        method: 'POST',
        url: `${server.url}/orders?x=1`,
        headers: [
          { name: 'Host', value: 'api.example.com' },
          { name: 'Connection', value: 'keep-alive' },
          { name: 'Transfer-Encoding', value: 'chunked' },
          { name: 'X-Trace', value: '7' },
        ],
        body,
      },
      { client, httpVersion: '2', insecure: true },
    );
    assert.equal(response.status, 201);
    assert.equal(response.statusText, 'Created');
    assert.equal(response.httpVersion, '2');
    assert.equal(response.bodyText, 'made');
    assert.deepEqual(
      response.headers.filter((header) => header.name === 'set-cookie').map((header) => header.value),
      ['a=1', 'b=2'],
    );
    const received = server.received[0];
    assert.equal(received.headers[':method'], 'POST');
    assert.equal(received.headers[':path'], '/orders?x=1');
    assert.equal(received.headers[':authority'], 'api.example.com');
    assert.equal(received.headers[':scheme'], 'https');
    assert.equal(received.headers['x-trace'], '7');
    assert.equal(received.headers['content-length'], '7');
    assert.equal(received.headers.connection, undefined);
    assert.equal(received.headers['transfer-encoding'], undefined);
    assert.equal(received.headers.host, undefined);
    assert.equal(received.body.toString(), '{"a":1}');
    assert.ok(response.timings.tlsMs > 0, 'a new TLS session has a handshake time');
    assert.ok(response.timings.totalMs >= response.timings.firstByteMs);
  });

  it('reuses one session per origin, with no connect time on the second request', async () => {
    server = await startHttp2((stream) => {
      stream.respond({ ':status': 200 });
      stream.end('ok');
    });
    const first = await sendHttp(get(`${server.url}/a`), { client, httpVersion: '2', insecure: true });
    const second = await sendHttp(get(`${server.url}/b`), { client, httpVersion: '2', insecure: true });
    assert.equal(server.sessions(), 1);
    assert.ok(first.timings.tlsMs > 0);
    assert.equal(second.timings.tlsMs, 0);
    assert.equal(second.timings.connectMs, 0);
  });

  it('sends h2c with prior knowledge on plain http, and decodes gzip', async () => {
    server = await startHttp2(
      (stream) => {
        stream.respond({ ':status': 200, 'content-encoding': 'gzip', 'content-type': 'application/json' });
        stream.end(zlib.gzipSync('{"ok":true}'));
      },
      { plain: true },
    );
    const response = await sendHttp(get(`${server.url}/h2c`), { client, httpVersion: '2' });
    assert.equal(response.httpVersion, '2');
    assert.equal(response.bodyText, '{"ok":true}');
    assert.equal(server.received[0].headers[':scheme'], 'http');
    assert.ok(response.timings.connectMs >= 0);
  });

  it('follows redirects on h2, re-signing each hop', async () => {
    server = await startHttp2(
      (stream, headers) => {
        if (headers[':path'] === '/old') {
          stream.respond({ ':status': 302, location: '/new' });
          stream.end();
        } else {
          stream.respond({ ':status': 200 });
          stream.end(`at ${headers[':path']} signed ${headers['x-sig']}`);
        }
      },
      { plain: true },
    );
    let hops = 0;
    const response = await sendHttp(get(`${server.url}/old`), {
      client,
      httpVersion: '2',
      onRedirect: (next) => ({ ...next, headers: [...next.headers, { name: 'X-Sig', value: `hop${++hops}` }] }),
    });
    assert.equal(response.bodyText, 'at /new signed hop1');
    assert.equal(response.redirects.length, 1);
    assert.equal(response.redirects[0].status, 302);
  });

  it('spills a large h2 body to a file past the memory limit', async () => {
    const big = Buffer.alloc(300_000, 'x');
    server = await startHttp2(
      (stream) => {
        stream.respond({ ':status': 200 });
        stream.end(big);
      },
      { plain: true },
    );
    const os = await import('node:os');
    const response = await sendHttp(get(`${server.url}/big`), {
      client,
      httpVersion: '2',
      memoryLimit: 64 * 1024,
      spillDirectory: os.tmpdir(),
    });
    assert.equal(response.size, big.length);
    assert.ok(response.bodyFile);
  });

  it('falls back to HTTP/1.1 when ALPN does not pick h2', async () => {
    h1 = await startLoopback((_request, response) => response.end('one-one'), {
      key: fixture('server.key').toString(),
      cert: fixture('server.crt').toString(),
    });
    const response = await sendHttp(get(`${h1.url}/x`), { client, httpVersion: '2', insecure: true });
    assert.equal(response.httpVersion, '1.1');
    assert.equal(response.http2Fallback, 'alpn');
    assert.equal(response.bodyText, 'one-one');
    const again = await sendHttp(get(`${h1.url}/y`), { client, httpVersion: '2', insecure: true });
    assert.equal(again.httpVersion, '1.1');
  });

  it('goes over HTTP/1.1 through a configured proxy (HTTP/2 is not tunnelled)', async () => {
    h1 = await startLoopback((request, response) => response.end(`proxy saw ${request.url}`));
    const response = await sendHttp(get('http://127.0.0.1:9/behind'), {
      client,
      httpVersion: '2',
      env: { HTTP_PROXY: h1.url },
    });
    assert.equal(response.httpVersion, '1.1');
    assert.equal(response.http2Fallback, 'proxy');
    assert.equal(response.bodyText, 'proxy saw http://127.0.0.1:9/behind');
  });

  it('times out and cancels an h2 request', async () => {
    server = await startHttp2(() => undefined, { plain: true });
    await assert.rejects(
      sendHttp(get(`${server.url}/slow`), { client, httpVersion: '2', timeoutMs: 150 }),
      (error: Error & { code?: string }) => {
        assert.equal(error.code, 'timeout', error.message);
        return true;
      },
    );
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    await assert.rejects(
      sendHttp(get(`${server.url}/slow`), { client, httpVersion: '2', signal: controller.signal }),
      (error: Error & { code?: string }) => {
        assert.equal(error.code, 'aborted', error.message);
        return true;
      },
    );
  });

  it('cancels mid-body', async () => {
    server = await startHttp2(
      (stream) => {
        stream.respond({ ':status': 200 });
        stream.write('partial');
      },
      { plain: true },
    );
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 150);
    await assert.rejects(
      sendHttp(get(`${server.url}/stall`), { client, httpVersion: '2', signal: controller.signal }),
      (error: Error & { code?: string }) => error.code === 'aborted',
    );
  });

  it('h2c prior knowledge to an HTTP/1.1 server: a protocol error suggesting to remove HTTP/2', async () => {
    h1 = await startLoopback((_request, response) => response.end('one-one'));
    await assert.rejects(
      sendHttp(get(`${h1.url}/x`), { client, httpVersion: '2', timeoutMs: 5000 }),
      (error: Error & { code?: string; hint?: string }) => {
        return error.code === 'protocol' && /HTTP\/2/.test(error.hint ?? '');
      },
    );
  });
});
