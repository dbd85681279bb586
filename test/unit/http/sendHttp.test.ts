import assert from 'node:assert/strict';
import * as zlib from 'node:zlib';

import { createHttpClient, type HttpClient } from '../../../src/core/http/httpClient';
import { sendHttp } from '../../../src/core/http/sendHttp';
import type { OutgoingRequest } from '../../../src/core/model/outgoing';
import { headerNames, type Loopback, startLoopback } from './loopback';

const get = (url: string, headers: OutgoingRequest['headers'] = []): OutgoingRequest => ({
  method: 'GET',
  url,
  headers,
  body: null,
});

describe('sendHttp', () => {
  let server: Loopback;
  let client: HttpClient;
  afterEach(async () => {
    await client?.close();
    await server?.close();
  });

  it('sends exactly the given headers in order, adding only Host and Content-Length', async () => {
    server = await startLoopback((_request, response) => response.end('ok'));
    client = createHttpClient();
    const body = new TextEncoder().encode('{"a":1}');
    const request: OutgoingRequest = {
      method: 'POST',
      url: `${server.url}/orders?x=1`,
      headers: [
        { name: 'X-B', value: '2' },
        { name: 'x-a', value: '1' },
        { name: 'Content-Type', value: 'application/json' },
      ],
      body,
    };
    const response = await sendHttp(request, { client });
    assert.equal(response.status, 200);
    const received = server.received[0];
    assert.deepEqual(headerNames(received.rawHeaders), [
      'Host',
      'X-B',
      'x-a',
      'Content-Type',
      'Content-Length',
      'Connection',
    ]);
    assert.equal(received.rawHeaders[1], `127.0.0.1:${server.port}`);
    assert.equal(received.body.toString(), '{"a":1}');
    assert.equal(received.url, '/orders?x=1');
  });

  it('keeps a Host header the request has, and repeated request headers', async () => {
    server = await startLoopback((_request, response) => response.end());
    client = createHttpClient();
    await sendHttp(
      get(server.url, [
        { name: 'Accept', value: 'a' },
        { name: 'Host', value: 'example.test' },
        { name: 'Accept', value: 'b' },
      ]),
      { client },
    );
    const raw = server.received[0].rawHeaders;
    assert.deepEqual(headerNames(raw), ['Accept', 'Accept', 'Host', 'Connection']);
    assert.deepEqual([raw[1], raw[3], raw[5]], ['a', 'b', 'example.test']);
  });

  it('keeps a response header the server sends twice as two entries, in order', async () => {
    server = await startLoopback((_request, response) => {
      response.setHeader('X-Trace', ['one', 'two']);
      response.setHeader('Set-Cookie', ['a=1', 'b=2']);
      response.end('x');
    });
    client = createHttpClient();
    const response = await sendHttp(get(server.url), { client });
    assert.deepEqual(
      response.headers.filter((h) => h.name === 'X-Trace').map((h) => h.value),
      ['one', 'two'],
    );
    assert.deepEqual(
      response.headers.filter((h) => h.name === 'Set-Cookie').map((h) => h.value),
      ['a=1', 'b=2'],
    );
  });

  it('answers a 0-byte 204 with an empty body', async () => {
    server = await startLoopback((_request, response) => {
      response.statusCode = 204;
      response.end();
    });
    client = createHttpClient();
    const response = await sendHttp(get(server.url), { client });
    assert.equal(response.status, 204);
    assert.equal(response.statusText, 'No Content');
    assert.equal(response.size, 0);
    assert.equal(response.bodyText, '');
    assert.equal(response.bodyTruncated, false);
  });

  for (const [coding, label, encode] of [
    ['gzip', 'gzip', zlib.gzipSync],
    ['deflate', 'zlib-wrapped deflate', zlib.deflateSync],
    ['deflate', 'raw deflate', zlib.deflateRawSync],
    ['br', 'brotli', zlib.brotliCompressSync],
  ] as const) {
    it(`decodes a ${label} body`, async () => {
      const text = JSON.stringify({ message: 'héllo', items: Array.from({ length: 50 }, (_, i) => i) });
      const encoded = encode(Buffer.from(text));
      server = await startLoopback((_request, response) => {
        response.setHeader('Content-Encoding', coding);
        response.setHeader('Content-Type', 'application/json');
        response.end(encoded);
      });
      client = createHttpClient();
      const response = await sendHttp(get(server.url), { client });
      assert.equal(response.bodyText, text);
      assert.equal(response.size, Buffer.byteLength(text));
      assert.equal(response.encodedSize, encoded.length);
    });
  }

  it('decodes GBK and latin1 (as windows-1252) bodies by their charset', async () => {
    const chinese = '你好 100/125';
    const chineseInGbk = Buffer.concat([Buffer.from([0xc4, 0xe3, 0xba, 0xc3]), Buffer.from(' 100/125')]);
    server = await startLoopback((request, response) => {
      if (request.url === '/gbk') {
        response.setHeader('Content-Type', 'text/plain; charset=GBK');
        response.end(chineseInGbk);
      } else {
        response.setHeader('Content-Type', 'text/html; charset="ISO-8859-1"');
        response.end(Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x20, 0x93, 0x80, 0x35, 0x94]));
      }
    });
    client = createHttpClient();
    const gbk = await sendHttp(get(`${server.url}/gbk`), { client });
    assert.equal(gbk.bodyText, chinese);
    assert.equal(gbk.charset, 'gbk');
    const latin1 = await sendHttp(get(`${server.url}/latin1`), { client });
    // ISO-8859-1 means windows-1252 on the web: 0x93/0x94 are curly quotes and 0x80 the euro sign.
    assert.equal(latin1.bodyText, 'café “€5”');
  });

  it('truncates bodyText past the display limit without splitting a character', async () => {
    server = await startLoopback((_request, response) => response.end('ab€cd'));
    client = createHttpClient();
    const response = await sendHttp(get(server.url), { client, displayLimit: 4 });
    assert.equal(response.bodyTruncated, true);
    assert.equal(response.bodyText, 'ab');
    assert.equal(response.size, 7);
    assert.equal(response.body.toString(), 'ab€cd');
  });

  it('reuses the keep-alive connection: the second request has no DNS, connect or TLS time', async () => {
    server = await startLoopback((_request, response) => response.end('ok'));
    client = createHttpClient();
    await sendHttp(get(server.url), { client });
    const second = await sendHttp(get(server.url), { client });
    assert.equal(second.timings.dnsMs, 0);
    assert.equal(second.timings.connectMs, 0);
    assert.equal(second.timings.tlsMs, 0);
    assert.ok(second.timings.totalMs >= second.timings.firstByteMs);
    assert.equal(server.received[0].remotePort, server.received[1].remotePort);
  });
});
