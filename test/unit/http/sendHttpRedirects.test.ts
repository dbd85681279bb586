import assert from 'node:assert/strict';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as net from 'node:net';

import { GwHttpError } from '../../../src/core/errors';
import { createHttpClient, type HttpClient } from '../../../src/core/http/httpClient';
import { sendHttp } from '../../../src/core/http/sendHttp';
import type { OutgoingRequest } from '../../../src/core/model/outgoing';
import { type Loopback, selfSignedCertificate, startLoopback } from './loopback';

function header(raw: string[], name: string): string | undefined {
  const index = raw.findIndex((value, i) => i % 2 === 0 && value.toLowerCase() === name.toLowerCase());
  return index < 0 ? undefined : raw[index + 1];
}

describe('sendHttp redirects and proxies', () => {
  let server: Loopback;
  let client: HttpClient;
  beforeEach(() => (client = createHttpClient()));
  afterEach(async () => {
    await client.close();
    await server.close();
  });

  it('follows redirects and re-signs every hop through onRedirect', async () => {
    server = await startLoopback((request, response) => {
      if (request.url === '/a') response.writeHead(302, { Location: '/b' }).end();
      else if (request.url === '/b') response.writeHead(307, { Location: `${'/c'}?q=1` }).end('moved');
      else response.end(`final ${request.method}`);
    });
    let hops = 0;
    const sign = (request: OutgoingRequest): OutgoingRequest => ({
      ...request,
      headers: [
        ...request.headers.filter((h) => h.name !== 'Authorization'),
        { name: 'Authorization', value: `sig-${++hops} ${new URL(request.url).pathname}` },
      ],
    });
    const first = sign({
      method: 'POST',
      url: `${server.url}/a`,
      headers: [{ name: 'Content-Type', value: 'text/plain' }],
      body: Buffer.from('hi'),
    });
    const response = await sendHttp(first, { client, onRedirect: sign });
    assert.equal(response.bodyText, 'final GET');
    assert.deepEqual(
      server.received.map((r) => [r.method, r.url, header(r.rawHeaders, 'authorization')]),
      [
        ['POST', '/a', 'sig-1 /a'],
        ['GET', '/b', 'sig-2 /b'],
        ['GET', '/c?q=1', 'sig-3 /c'],
      ],
    );
    assert.equal(
      header(server.received[1].rawHeaders, 'content-type'),
      undefined,
      'a 302 after POST drops the body headers',
    );
    assert.deepEqual(
      response.redirects.map((hop) => hop.status),
      [302, 307],
    );
    assert.equal(response.url, `${server.url}/c?q=1`);
    assert.equal(response.request.headers.at(-1)?.value, 'sig-3 /c');
  });

  it('keeps method and body on 307', async () => {
    server = await startLoopback((request, response, received) => {
      if (request.url === '/a') response.writeHead(307, { Location: '/b' }).end();
      else response.end(`${request.method} ${received.body.toString()}`);
    });
    const response = await sendHttp(
      { method: 'PUT', url: `${server.url}/a`, headers: [], body: Buffer.from('data') },
      { client },
    );
    assert.equal(response.bodyText, 'PUT data');
  });

  it('returns the 3xx itself with followRedirects false (# @no-redirect)', async () => {
    server = await startLoopback((_request, response) => response.writeHead(301, { Location: '/elsewhere' }).end());
    const response = await sendHttp(
      { method: 'GET', url: server.url, headers: [], body: null },
      { client, followRedirects: false },
    );
    assert.equal(response.status, 301);
    assert.equal(response.headers.find((h) => h.name === 'Location')?.value, '/elsewhere');
    assert.equal(server.received.length, 1);
  });

  it('stops a redirect loop after the maximum number of hops', async () => {
    server = await startLoopback((_request, response) => response.writeHead(302, { Location: '/again' }).end());
    await assert.rejects(
      sendHttp({ method: 'GET', url: server.url, headers: [], body: null }, { client, maxRedirects: 3 }),
      (error: unknown) =>
        error instanceof GwHttpError &&
        error.code === 'protocol' &&
        /Too many redirects \(more than 3\)/.test(error.message),
    );
    assert.equal(server.received.length, 4);
  });

  it('goes through HTTP_PROXY from the given env, and not for hosts in NO_PROXY', async () => {
    server = await startLoopback((_request, response) => response.end('origin'));
    const proxied: string[] = [];
    const proxy = http.createServer((request, response) => {
      proxied.push(`${request.method} ${request.url}`);
      const upstream = http.request(
        request.url ?? '',
        { method: request.method, headers: request.headers },
        (answer) => {
          response.writeHead(answer.statusCode ?? 502, { ...answer.headers, 'X-Via-Proxy': 'yes' });
          answer.pipe(response);
        },
      );
      request.pipe(upstream);
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    const proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
    const proxyBefore = process.env.HTTP_PROXY;
    try {
      const request: OutgoingRequest = {
        method: 'GET',
        url: `${server.url}/through`,
        headers: [{ name: 'X-A', value: '1' }],
        body: null,
      };
      const viaProxy = await sendHttp(request, { client, env: { HTTP_PROXY: proxyUrl } });
      assert.equal(viaProxy.bodyText, 'origin');
      assert.equal(viaProxy.headers.find((h) => h.name.toLowerCase() === 'x-via-proxy')?.value, 'yes');
      assert.deepEqual(proxied, [`GET ${server.url}/through`]);
      assert.equal(header(server.received[0].rawHeaders, 'x-a'), '1');
      const direct = await sendHttp(request, { client, env: { HTTP_PROXY: proxyUrl, NO_PROXY: '127.0.0.1' } });
      assert.equal(
        direct.headers.find((h) => h.name.toLowerCase() === 'x-via-proxy'),
        undefined,
      );
      assert.equal(proxied.length, 1);
      const viaAllProxy = await sendHttp(request, { client, env: { all_proxy: proxyUrl } });
      assert.equal(
        viaAllProxy.headers.find((h) => h.name.toLowerCase() === 'x-via-proxy')?.value,
        'yes',
        'all_proxy (lower case) is read too',
      );
      assert.equal(proxied.length, 2);
      assert.equal(process.env.HTTP_PROXY, proxyBefore, 'process.env is left alone');
    } finally {
      proxy.closeAllConnections();
      await new Promise<void>((resolve) => proxy.close(() => resolve()));
    }
  });

  it('tunnels HTTPS through HTTPS_PROXY (CONNECT), and insecure still applies to the target', async () => {
    server = await startLoopback((_request, response) => response.end('tls origin'), selfSignedCertificate());
    const tunnels: string[] = [];
    const open: net.Socket[] = [];
    const proxy = http.createServer();
    proxy.on('connect', (request: http.IncomingMessage, socket: net.Socket, head: Buffer) => {
      tunnels.push(request.url ?? '');
      open.push(socket);
      const [host, port] = (request.url ?? '').split(':');
      const upstream = net.connect(Number(port), host, () => {
        socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        upstream.write(head);
        upstream.pipe(socket);
        socket.pipe(upstream);
      });
      upstream.on('error', () => socket.destroy());
      socket.on('error', () => upstream.destroy());
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    const env = { HTTPS_PROXY: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}` };
    try {
      const request: OutgoingRequest = { method: 'GET', url: `${server.url}/secure`, headers: [], body: null };
      await assert.rejects(
        sendHttp(request, { client, env }),
        (error: unknown) => error instanceof GwHttpError && error.code === 'tls',
      );
      const response = await sendHttp(request, { client, env, insecure: true });
      assert.equal(response.bodyText, 'tls origin');
      assert.deepEqual(tunnels, [`127.0.0.1:${server.port}`, `127.0.0.1:${server.port}`]);
    } finally {
      for (const socket of open) socket.destroy();
      await new Promise<void>((resolve) => proxy.close(() => resolve()));
    }
  });
});
