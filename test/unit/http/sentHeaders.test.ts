import assert from 'node:assert/strict';
import * as net from 'node:net';

import { createHttpClient } from '../../../src/core/http/httpClient';
import { sendHttp } from '../../../src/core/http/sendHttp';
import { sentHeaders } from '../../../src/core/http/sentHeaders';
import type { OutgoingRequest } from '../../../src/core/model/outgoing';

/** A loopback server that records the raw header lines of each request and answers 200. */
async function rawServer(): Promise<{ port: number; heads: string[][]; close: () => Promise<void> }> {
  const heads: string[][] = [];
  const server = net.createServer((socket) => {
    let buffered = '';
    socket.on('data', (data) => {
      buffered += data.toString('latin1');
      const end = buffered.indexOf('\r\n\r\n');
      if (end === -1) return;
      heads.push(buffered.slice(0, end).split('\r\n').slice(1));
      buffered = '';
      socket.write('HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    heads,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('sentHeaders: the Request tab shows the header lines that went on the wire', () => {
  it('matches what a loopback server received, for bodies, no bodies and headers the request sets itself', async () => {
    const server = await rawServer();
    const client = createHttpClient();
    const url = `http://127.0.0.1:${server.port}/orders?x=1`;
    const cases: OutgoingRequest[] = [
      { method: 'GET', url, headers: [{ name: 'Accept', value: '*/*' }], body: null },
      { method: 'POST', url, headers: [{ name: 'X-A', value: '1' }], body: null },
      { method: 'POST', url, headers: [], body: new Uint8Array(0) },
      {
        method: 'PUT',
        url,
        headers: [{ name: 'Content-Type', value: 'application/json' }],
        body: Buffer.from('{"a":1}'),
      },
      { method: 'DELETE', url, headers: [], body: null },
      { method: 'PATCH', url, headers: [], body: null },
      {
        method: 'POST',
        url,
        headers: [
          { name: 'X-Tag', value: 'a' },
          { name: 'Host', value: `127.0.0.1:${server.port}` },
          { name: 'x-tag', value: 'b' },
          { name: 'Content-Length', value: '2' },
          { name: 'Connection', value: 'keep-alive' },
        ],
        body: Buffer.from('hi'),
      },
    ];
    try {
      for (const request of cases) await sendHttp(request, { client });
    } finally {
      await client.close();
      await server.close();
    }
    assert.equal(server.heads.length, cases.length);
    cases.forEach((request, index) => {
      const shown = sentHeaders(request).map((header) => `${header.name}: ${header.value}`);
      assert.deepEqual(shown, server.heads[index], `${request.method} #${index}`);
    });
  });
});
