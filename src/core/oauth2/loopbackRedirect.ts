import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

/** The redirect receiver of the authorization_code grant: a one-shot server on 127.0.0.1. */
export interface LoopbackRedirect {
  redirectUri: string;
  /** The first redirect to `/callback`, with its query (`code`, `state` or `error`). */
  callback: Promise<URL>;
  close(): Promise<void>;
}

const callbackPath = '/callback';

/** Listens on 127.0.0.1:`port` (0: a free port) for the browser's redirect (RFC 8252 §7.3). */
export function startLoopbackRedirect(port: number): Promise<LoopbackRedirect> {
  let received: (url: URL) => void = () => undefined;
  const callback = new Promise<URL>((resolve) => (received = resolve));
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (request.method !== 'GET' || url.pathname !== callbackPath) {
      response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
      return;
    }
    const failed = url.searchParams.has('error');
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', Connection: 'close' });
    response.end(page(failed));
    received(new URL(`${redirectUriOf(server)}${url.search}`));
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve({
        redirectUri: redirectUriOf(server),
        callback,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}

function redirectUriOf(server: http.Server): string {
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}${callbackPath}`;
}

function page(failed: boolean): string {
  const text = failed
    ? 'The sign-in did not complete. Return to gwhttp to see why.'
    : 'Signed in. You can close this tab and return to gwhttp.';
  return `<!doctype html><html><head><meta charset="utf-8"><title>gwhttp</title></head><body><p>${text}</p></body></html>`;
}
