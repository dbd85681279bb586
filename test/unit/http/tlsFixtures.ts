/** Test helpers: the committed certificates of test/fixtures/tls, and HTTP/2 servers on 127.0.0.1. */
import * as fs from 'node:fs';
import * as http2 from 'node:http2';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';

export const tlsFixtures = path.resolve(__dirname, '../../fixtures/tls');

export function fixture(name: string): Buffer {
  return fs.readFileSync(path.join(tlsFixtures, name));
}

/** The passphrase of client-encrypted.key and client.p12. */
export const fixturePassphrase = 'gwhttp-test-pass';

/** What an HTTP/2 test server received on one stream. */
export interface Received2 {
  headers: http2.IncomingHttpHeaders;
  body: Buffer;
}

export interface Http2Loopback {
  url: string;
  received: Received2[];
  /** Sessions (connections) the server accepted. */
  sessions: () => number;
  close(): Promise<void>;
}

export type Http2Handler = (stream: http2.ServerHttp2Stream, headers: http2.IncomingHttpHeaders) => void;

/**
 * An HTTP/2 server on 127.0.0.1: over TLS (the fixture server certificate, h2 only: no HTTP/1.1
 * fallback) or, with `plain`, h2c (prior knowledge).
 */
export async function startHttp2(
  handler: Http2Handler,
  options: { plain?: boolean; requestCert?: boolean } = {},
): Promise<Http2Loopback> {
  const received: Received2[] = [];
  let sessions = 0;
  const server = options.plain
    ? http2.createServer()
    : http2.createSecureServer({
        key: fixture('server.key'),
        cert: fixture('server.crt'),
        ca: fixture('ca.crt'),
        allowHTTP1: false,
        requestCert: options.requestCert ?? false,
        rejectUnauthorized: options.requestCert ?? false,
      });
  server.on('session', () => sessions++);
  server.on('stream', (stream, headers) => {
    // A client that cancels resets the stream; the server side has nothing to do about it.
    stream.on('error', () => undefined);
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => {
      received.push({ headers, body: Buffer.concat(chunks) });
      handler(stream, headers);
    });
  });
  const open = new Set<http2.ServerHttp2Session>();
  server.on('session', (session) => {
    open.add(session);
    session.on('close', () => open.delete(session));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `${options.plain ? 'http' : 'https'}://127.0.0.1:${port}`,
    received,
    sessions: () => sessions,
    close: () =>
      new Promise<void>((resolve) => {
        for (const session of open) session.destroy();
        server.close(() => resolve());
      }),
  };
}
