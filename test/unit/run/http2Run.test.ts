import assert from 'node:assert/strict';
import type * as http2 from 'node:http2';

import { secretEnvVarName } from '../../../src/core/secrets/secretEnvVarName';
import { type Loopback, startLoopback } from '../http/loopback';
import { fixture, type Http2Loopback, startHttp2 } from '../http/tlsFixtures';
import { type ReceivedRequest, verifyKong } from '../signing/loopbackVerifier';
import { runText } from './runContext';

const kongSecret = 'kong-h2-secret-value';
const env = { [secretEnvVarName('alice')]: kongSecret };

/** What the independent Kong verifier sees of an HTTP/2 stream: the pseudo-headers as the request line. */
function asReceived(headers: http2.IncomingHttpHeaders, body: Buffer): ReceivedRequest {
  const rawHeaders: string[] = [];
  for (const [name, value] of Object.entries(headers)) {
    if (name.startsWith(':') || value === undefined) continue;
    for (const one of Array.isArray(value) ? value : [value]) rawHeaders.push(name, one);
  }
  rawHeaders.push('host', String(headers[':authority']));
  return {
    method: String(headers[':method']),
    target: String(headers[':path']),
    httpVersion: '2.0',
    headers,
    rawHeaders,
    body,
  };
}

describe('runRequests over HTTP/2', () => {
  let server: Http2Loopback | null = null;
  let h1: Loopback | null = null;
  afterEach(async () => {
    await server?.close();
    await h1?.close();
    server = null;
    h1 = null;
  });

  it('sends a request line ending in HTTP/2 over h2c, signed (Kong request-line, host) as HTTP/2 sends it', async () => {
    server = await startHttp2(
      (stream, headers) => {
        const received = server!.received[server!.received.length - 1];
        const reason = verifyKong(asReceived(headers, received.body), { alice: kongSecret });
        stream.respond({ ':status': reason === null ? 200 : 401, 'content-type': 'application/json' });
        stream.end(JSON.stringify(reason === null ? { ok: true } : { message: reason }));
      },
      { plain: true },
    );
    const text = `# @sign kong id=alice headers="date host request-line"\nPOST ${server.url}/orders?x=1 HTTP/2\nContent-Type: application/json\n\n{"qty":2}\n`;
    const { results } = await runText(text, null, env);
    const [result] = results;
    assert.equal(result.error, null, JSON.stringify(result.error));
    assert.equal(result.response?.status, 200, result.response?.bodyText);
    assert.equal(result.response?.httpVersion, '2');
    assert.equal(server.received[0].headers[':method'], 'POST');
    assert.ok(result.response!.timings.totalMs > 0);
    assert.ok(!JSON.stringify(result).includes(kongSecret));
  });

  it('uses the run-wide HTTP version (--http2) unless the request line names one', async () => {
    server = await startHttp2(
      (stream) => {
        stream.respond({ ':status': 200 });
        stream.end('h2');
      },
      { plain: true },
    );
    const { results } = await runText(`GET ${server.url}/a\n`, null, {}, undefined, { httpVersion: '2' });
    assert.equal(results[0].response?.httpVersion, '2');
    h1 = await startLoopback((_request, response) => response.end('h1'));
    const pinned = await runText(`GET ${h1.url}/b HTTP/1.1\n`, null, {}, undefined, { httpVersion: '2' });
    assert.equal(pinned.results[0].error, null);
    assert.equal(pinned.results[0].response?.httpVersion, '1.1');
  });

  it('warns when ALPN picks HTTP/1.1 for a request asked over HTTP/2', async () => {
    h1 = await startLoopback((_request, response) => response.end('one-one'), {
      key: fixture('server.key').toString(),
      cert: fixture('server.crt').toString(),
    });
    const { results } = await runText(`# @insecure\nGET ${h1.url}/x HTTP/2\n`, null);
    assert.equal(results[0].error, null);
    assert.equal(results[0].response?.httpVersion, '1.1');
    assert.ok(
      results[0].warnings.some((warning) => /HTTP\/1\.1.*ALPN/.test(warning)),
      results[0].warnings.join(),
    );
  });

  it("signs Kong's request-line again for HTTP/1.1 when ALPN falls back", async () => {
    h1 = await startLoopback(
      (request, response, received) => {
        const reason = verifyKong(
          {
            method: received.method,
            target: received.url,
            httpVersion: request.httpVersion,
            headers: request.headers,
            rawHeaders: received.rawHeaders,
            body: received.body,
          },
          { alice: kongSecret },
        );
        response.statusCode = reason === null ? 200 : 401;
        response.end(JSON.stringify(reason === null ? { ok: true } : { message: reason }));
      },
      { key: fixture('server.key').toString(), cert: fixture('server.crt').toString() },
    );
    const text = `# @insecure\n# @sign kong id=alice headers="date host request-line"\nGET ${h1.url}/orders HTTP/2\n`;
    const { results } = await runText(text, null, env);
    const [result] = results;
    assert.equal(result.response?.httpVersion, '1.1');
    assert.equal(result.response?.status, 200, result.response?.bodyText);
    assert.match(result.signing?.signingString ?? '', /GET \/orders HTTP\/1\.1/);
    assert.ok(result.warnings.some((warning) => /ALPN/.test(warning)));
  });

  it('h2c to an HTTP/1.1 server: an error at the request line suggesting to remove HTTP/2', async () => {
    h1 = await startLoopback((_request, response) => response.end('one-one'));
    const { results } = await runText(`\nGET ${h1.url}/x HTTP/2\n`, null);
    const error = results[0].error;
    assert.equal(error?.code, 'protocol');
    assert.equal(error?.location.line, 2);
    assert.match(error?.hint ?? '', /remove HTTP\/2/);
  });
});
