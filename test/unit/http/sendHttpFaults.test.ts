import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as zlib from 'node:zlib';

import { GwHttpError } from '../../../src/core/errors';
import { createHttpClient, type HttpClient } from '../../../src/core/http/httpClient';
import { sendHttp } from '../../../src/core/http/sendHttp';
import type { OutgoingRequest } from '../../../src/core/model/outgoing';
import { closedPort, type Loopback, selfSignedCertificate, startLoopback, tempDir } from './loopback';

const get = (url: string): OutgoingRequest => ({ method: 'GET', url, headers: [], body: null });

async function failure(promise: Promise<unknown>): Promise<GwHttpError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof GwHttpError, `expected a GwHttpError, got ${String(error)}`);
    assert.ok(!error.message.includes('\n'), 'the message is one line');
    assert.ok(error.hint && error.hint.length > 0, 'there is a hint');
    return error;
  }
  assert.fail('expected the request to fail');
}

describe('sendHttp faults', () => {
  let server: Loopback | undefined;
  let client: HttpClient;
  beforeEach(() => (client = createHttpClient()));
  afterEach(async () => {
    await client.close();
    await server?.close();
    server = undefined;
  });

  it('reports a refused connection', async () => {
    const port = await closedPort();
    const error = await failure(sendHttp(get(`http://127.0.0.1:${port}/x`), { client }));
    assert.equal(error.code, 'connectionRefused');
    assert.match(
      error.message,
      new RegExp(`Connection refused by 127\\.0\\.0\\.1:${port} \\(GET http://127\\.0\\.0\\.1:${port}/x\\)`),
    );
  });

  it('reports a host that does not resolve (.invalid never resolves)', async () => {
    const error = await failure(sendHttp(get('http://gwhttp-test.invalid/'), { client }));
    assert.equal(error.code, 'dns');
    assert.match(error.message, /Cannot resolve host gwhttp-test\.invalid/);
  });

  it('rejects a self-signed certificate, and accepts it with insecure', async () => {
    server = await startLoopback((_request, response) => response.end('secure'), selfSignedCertificate());
    const error = await failure(sendHttp(get(server.url), { client }));
    assert.equal(error.code, 'tls');
    assert.match(error.hint ?? '', /--insecure/);
    const response = await sendHttp(get(server.url), { client, insecure: true });
    assert.equal(response.bodyText, 'secure');
    assert.ok(response.timings.tlsMs > 0, 'a fresh TLS connection has a handshake phase');
  });

  it('times out a server that never answers', async () => {
    server = await startLoopback(() => undefined);
    const error = await failure(sendHttp(get(server.url), { client, timeoutMs: 200 }));
    assert.equal(error.code, 'timeout');
    assert.match(error.message, /within 200 ms/);
  });

  it('times out a body that stalls after the headers', async () => {
    server = await startLoopback((_request, response) => {
      response.writeHead(200, { 'Content-Length': '100' });
      response.write('partial');
    });
    const error = await failure(sendHttp(get(server.url), { client, timeoutMs: 200 }));
    assert.equal(error.code, 'timeout');
  });

  it('reports a server that closes mid-body (Content-Length)', async () => {
    server = await startLoopback((_request, response) => {
      response.writeHead(200, { 'Content-Length': '1000' });
      response.write('only a part', () => response.socket?.destroy());
    });
    const error = await failure(sendHttp(get(server.url), { client }));
    assert.equal(error.code, 'network');
    assert.match(error.message, /closed before the whole body arrived/);
  });

  it('reports a server that closes mid-body (chunked)', async () => {
    server = await startLoopback((_request, response) => {
      response.writeHead(200, { 'Content-Type': 'text/plain' });
      response.write('a first chunk', () => response.socket?.destroy());
    });
    const error = await failure(sendHttp(get(server.url), { client }));
    assert.equal(error.code, 'network');
  });

  it('reports a body labelled gzip that is not gzip', async () => {
    server = await startLoopback((_request, response) => {
      response.setHeader('Content-Encoding', 'gzip');
      response.end('this is not gzip at all');
    });
    const error = await failure(sendHttp(get(server.url), { client }));
    assert.equal(error.code, 'decode');
    assert.match(error.message, /not valid gzip \(Content-Encoding: gzip\)/);
  });

  it('cancels a request in flight through the AbortSignal', async () => {
    const controller = new AbortController();
    server = await startLoopback(() => controller.abort());
    const error = await failure(sendHttp(get(server.url), { client, signal: controller.signal }));
    assert.equal(error.code, 'aborted');
  });

  it('does not send at all when the signal is already aborted', async () => {
    server = await startLoopback((_request, response) => response.end());
    const controller = new AbortController();
    controller.abort();
    const error = await failure(sendHttp(get(server.url), { client, signal: controller.signal }));
    assert.equal(error.code, 'aborted');
    assert.equal(server.received.length, 0);
  });

  it('streams a 100 MB gzip-free body to a spill file and shows only its start', async function () {
    this.timeout(120000);
    const total = 100 * 1000 * 1000;
    const block = Buffer.alloc(1 << 20, 'x');
    server = await startLoopback((_request, response) => {
      response.writeHead(200, { 'Content-Type': 'text/plain', 'Content-Length': String(total) });
      let sent = 0;
      const pump = () => {
        while (sent < total) {
          const part = block.subarray(0, Math.min(block.length, total - sent));
          sent += part.length;
          if (!response.write(part)) return void response.once('drain', pump);
        }
        response.end();
      };
      pump();
    });
    const dir = tempDir();
    const response = await sendHttp(get(server.url), {
      client,
      spillDirectory: dir,
      memoryLimit: 8 << 20,
      displayLimit: 1000,
    });
    assert.equal(response.size, total);
    assert.equal(response.encodedSize, total);
    assert.equal(response.bodyTruncated, true);
    assert.equal(response.bodyText.length, 1000);
    assert.ok(response.body.length <= 8 << 20);
    assert.ok(response.bodyFile);
    assert.equal(fs.statSync(response.bodyFile).size, total);
    await client.close();
    assert.equal(fs.existsSync(response.bodyFile), false, 'closing the client removes the spill file');
  });

  it('keeps a gzip body whole in memory when under the limit', async () => {
    const text = 'z'.repeat(50000);
    server = await startLoopback((_request, response) => {
      response.setHeader('Content-Encoding', 'gzip');
      response.end(zlib.gzipSync(text));
    });
    const response = await sendHttp(get(server.url), { client, displayLimit: 10 });
    assert.equal(response.bodyFile, null);
    assert.equal(response.body.toString(), text);
    assert.equal(response.bodyText, 'z'.repeat(10));
  });
});
