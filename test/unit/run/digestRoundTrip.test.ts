import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

import { secretEnvVarName } from '../../../src/core/secrets/secretEnvVarName';
import { located } from '../located';
import { runText } from './runContext';

/** An independent RFC 7616 server (qop=auth), written from the RFC: challenges, then checks the answer. */
interface DigestServer {
  url: string;
  seen: { authorization: string | undefined; target: string; body: string }[];
  close(): Promise<void>;
}

const hashes: Record<string, string> = { MD5: 'md5', 'SHA-256': 'sha256' };

function params(value: string): Record<string, string> {
  const found: Record<string, string> = {};
  for (const match of value.matchAll(/(\w+)=(?:"([^"]*)"|([^\s,]+))/g)) found[match[1]] = match[2] ?? match[3];
  return found;
}

async function startDigestServer(
  algorithms: string[],
  users: Record<string, string>,
  staleOnce = false,
): Promise<DigestServer> {
  const realm = 'loop@127.0.0.1';
  const nonces = new Set<string>();
  let staled = !staleOnce;
  const seen: DigestServer['seen'] = [];
  const challenge = (response: http.ServerResponse, stale: boolean) => {
    const nonce = randomBytes(12).toString('base64');
    nonces.add(nonce);
    const values = algorithms.map(
      (algorithm) =>
        `Digest realm="${realm}", qop="auth", algorithm=${algorithm}, nonce="${nonce}", opaque="op-1"${stale ? ', stale=true' : ''}`,
    );
    response.writeHead(401, { 'WWW-Authenticate': values, 'content-type': 'text/plain' });
    response.end('authentication required');
  };
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const authorization = request.headers.authorization;
      seen.push({ authorization, target: request.url ?? '', body: Buffer.concat(chunks).toString('utf8') });
      if (!authorization?.startsWith('Digest ')) return challenge(response, false);
      const p = params(authorization.slice(7));
      const hash = (text: string) => createHash(hashes[p.algorithm]).update(text, 'utf8').digest('hex');
      if (!nonces.has(p.nonce) || p.uri !== request.url || p.opaque !== 'op-1' || p.qop !== 'auth') {
        return challenge(response, false);
      }
      if (!staled) {
        staled = true;
        return challenge(response, true);
      }
      const ha1 = hash(`${p.username}:${realm}:${users[p.username] ?? ''}`);
      const expected = hash(`${ha1}:${p.nonce}:${p.nc}:${p.cnonce}:auth:${hash(`${request.method}:${p.uri}`)}`);
      if (expected !== p.response) return challenge(response, false);
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ user: p.username, algorithm: p.algorithm }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

const password = 'Circle of Life';
const env = { [secretEnvVarName('Mufasa')]: password };

describe('digest round trip against a loopback RFC 7616 server', () => {
  let server: DigestServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  for (const algorithm of ['MD5', 'SHA-256']) {
    it(`${algorithm}: the 401 challenge is answered and the same request (body included) sent again; one result`, async () => {
      server = await startDigestServer([algorithm], { Mufasa: password });
      const text = `# @sign digest id=Mufasa\nPOST ${server.url}/dir/index.html?a=1&b=%20\nContent-Type: text/plain\n\nhello body\n`;
      const { results } = await runText(text, null, env);
      assert.equal(results.length, 1);
      const [result] = results;
      assert.equal(result.error, null, result.error?.message);
      assert.equal(result.response?.status, 200);
      assert.deepEqual(JSON.parse(result.response!.bodyText), { user: 'Mufasa', algorithm });
      assert.equal(server.seen.length, 2);
      assert.equal(server.seen[0].authorization, undefined);
      assert.equal(server.seen[1].body, server.seen[0].body);
      assert.equal(result.digestChallenge?.status, 401);
      assert.equal(
        result.digestChallenge?.request.headers.some((header) => header.name === 'Authorization'),
        false,
      );
      assert.match(
        result.request!.headers.find((header) => header.name === 'Authorization')!.value,
        new RegExp(`^Digest username="Mufasa", .*algorithm=${algorithm}, .*nc=00000001`),
      );
      assert.ok(!JSON.stringify(result).includes(password));
    });
  }

  it('prefers SHA-256 when both are offered, and answers a stale=true challenge once more', async () => {
    server = await startDigestServer(['MD5', 'SHA-256'], { Mufasa: password }, true);
    const { results } = await runText(`# @sign digest id=Mufasa\nGET ${server.url}/x\n`, null, env);
    assert.equal(results[0].response?.status, 200);
    assert.equal(JSON.parse(results[0].response!.bodyText).algorithm, 'SHA-256');
    assert.equal(server.seen.length, 3);
  });

  it('a wrong password ends with the 401 (no loop) and an error naming the request', async () => {
    server = await startDigestServer(['SHA-256'], { Mufasa: 'another' });
    const { results } = await runText(`# @sign digest id=Mufasa\nGET ${server.url}/x\n`, null, env);
    assert.equal(results[0].response?.status, 401);
    assert.notEqual(results[0].error, null);
    assert.equal(server.seen.length, 2);
  });

  it('algorithm=MD5 restricts the choice; a challenge it cannot answer is a signing error', async () => {
    server = await startDigestServer(['SHA-256'], { Mufasa: password });
    const { results } = await runText(`# @sign digest id=Mufasa algorithm=MD5\nGET ${server.url}/x\n`, null, env);
    assert.equal(results[0].error?.code, 'signing');
    assert.match(located(results[0].error), /^requests\.gwhttp:2: .*cannot be answered.*\(digest signing\)$/);
  });
});
