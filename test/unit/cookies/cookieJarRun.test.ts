import assert from 'node:assert/strict';

import { createCookieJar } from '../../../src/core/cookies/cookieJar';
import type { Clock } from '../../../src/core/ports';
import { secretEnvVarName } from '../../../src/core/secrets/secretEnvVarName';
import { type Loopback, type Received, startLoopback } from '../http/loopback';
import { runText } from '../run/runContext';

const cookieOf = (received: Received): string | null => {
  const index = received.rawHeaders.findIndex((name, i) => i % 2 === 0 && name.toLowerCase() === 'cookie');
  return index < 0 ? null : received.rawHeaders[index + 1];
};

/** A server that sets cookies on /login and /hop (a redirect), and answers everything else. */
async function cookieServer(): Promise<Loopback> {
  return startLoopback((request, response) => {
    const url = request.url ?? '';
    if (url === '/login') {
      response.setHeader('Set-Cookie', [
        'sid=abc123; Path=/; HttpOnly',
        'theme=dark; Path=/app',
        'short=1; Max-Age=60',
        'foreign=x; Domain=example.com',
      ]);
    } else if (url === '/hop') {
      response.writeHead(302, { 'Set-Cookie': 'hop=1; Path=/', Location: '/app/page' });
      return response.end();
    } else if (url === '/away') {
      response.writeHead(302, { Location: `http://localhost:${request.socket.localPort}/app/page` });
      return response.end();
    }
    response.end('ok');
  });
}

describe('cookie jar in a run (loopback server)', () => {
  let server: Loopback | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('stores Set-Cookie by the library rules and sends the matching cookies on later requests', async () => {
    server = await cookieServer();
    const text = `GET ${server.url}/login\n\n###\nGET ${server.url}/app/page\n\n###\nGET ${server.url}/other\n`;
    const { results } = await runText(text, null, {}, undefined, { cookieJar: createCookieJar() });
    assert.deepEqual(
      results.map((result) => result.error),
      [null, null, null],
    );
    assert.equal(cookieOf(server.received[0]), null);
    assert.deepEqual(cookieOf(server.received[1])?.split('; ').sort(), ['short=1', 'sid=abc123', 'theme=dark']);
    // Path=/app is not sent to /other; the cookie for another domain was never stored.
    assert.deepEqual(cookieOf(server.received[2])?.split('; ').sort(), ['short=1', 'sid=abc123']);
    const set = results[0].cookiesSet ?? [];
    assert.deepEqual(
      set.map((cookie) => [cookie.name, cookie.rejected === null]),
      [
        ['sid', true],
        ['theme', true],
        ['short', true],
        ['foreign', false],
      ],
    );
    assert.match(set[3].rejected ?? '', /not in this host's domain/);
    assert.equal(set[0].httpOnly, true);
    assert.equal(set[0].domain, '127.0.0.1');
    assert.equal(set[1].path, '/app');
    assert.equal(set[0].expires, null);
    assert.notEqual(set[2].expires, null);
    assert.deepEqual(results[1].cookiesSet, []);
  });

  it('puts the jar cookie into the request before signing: a scheme signing the Cookie header signs it', async () => {
    server = await cookieServer();
    const env = { [secretEnvVarName('alice')]: 'kong-secret' };
    const text = `GET ${server.url}/login\n\n###\n# @sign kong id=alice headers="date cookie"\nGET ${server.url}/app/page\n`;
    const { results } = await runText(text, null, env, undefined, { cookieJar: createCookieJar() });
    assert.equal(results[1].error, null);
    const sent = cookieOf(server.received[1]) ?? '';
    assert.match(sent, /sid=abc123/);
    assert.ok(results[1].signing?.signingString.includes(`cookie: ${sent}`), results[1].signing?.signingString);
  });

  it('stores a redirect hop’s cookie and sends it on the next hop; another host gets none', async () => {
    server = await cookieServer();
    const text = `GET ${server.url}/login\n\n###\nGET ${server.url}/hop\n\n###\nGET ${server.url}/away\n`;
    const { results } = await runText(text, null, {}, undefined, { cookieJar: createCookieJar() });
    assert.deepEqual(
      results.map((result) => result.error),
      [null, null, null],
    );
    // received: login, /hop, /app/page (after the hop), /away, localhost /app/page
    assert.equal(server.received.length, 5);
    assert.deepEqual(cookieOf(server.received[2])?.split('; ').sort(), [
      'hop=1',
      'short=1',
      'sid=abc123',
      'theme=dark',
    ]);
    assert.deepEqual(
      results[1].cookiesSet?.map((cookie) => cookie.name),
      ['hop'],
    );
    assert.equal(cookieOf(server.received[4]), null);
  });

  it('# @no-cookie-jar neither sends nor stores; the file’s own Cookie header wins over the jar', async () => {
    server = await cookieServer();
    const text = [
      `GET ${server.url}/login`,
      '###',
      '# @no-cookie-jar',
      `GET ${server.url}/app/page`,
      '###',
      `GET ${server.url}/app/page`,
      'Cookie: sid=mine',
      '',
    ].join('\n');
    const { results } = await runText(text, null, {}, undefined, { cookieJar: createCookieJar() });
    assert.equal(cookieOf(server.received[1]), null);
    assert.equal(results[1].cookiesSet, undefined);
    assert.deepEqual(cookieOf(server.received[2])?.split('; '), ['sid=mine', 'theme=dark', 'short=1']);
  });

  it('a request marked # @no-cookie-jar stores nothing its response sets', async () => {
    server = await cookieServer();
    const text = `# @no-cookie-jar\nGET ${server.url}/login\n\n###\nGET ${server.url}/app/page\n`;
    await runText(text, null, {}, undefined, { cookieJar: createCookieJar() });
    assert.equal(cookieOf(server.received[1]), null);
  });

  it('expires Max-Age cookies by the run’s clock', async () => {
    server = await cookieServer();
    let now = new Date('2026-01-01T00:00:00Z');
    const clock: Clock = { now: () => now };
    const jar = createCookieJar();
    await runText(`GET ${server.url}/login\n`, null, {}, clock, { cookieJar: jar });
    now = new Date('2026-01-01T00:00:59Z');
    assert.match(jar.cookieHeader(`${server.url}/`, now), /short=1/);
    now = new Date('2026-01-01T00:02:00Z');
    await runText(`GET ${server.url}/app/page\n`, null, {}, clock, { cookieJar: jar });
    assert.deepEqual(cookieOf(server.received[1])?.split('; ').sort(), ['sid=abc123', 'theme=dark']);
  });

  it('without a jar (--no-cookie-jar, rememberCookies off) nothing is kept', async () => {
    server = await cookieServer();
    const { results } = await runText(`GET ${server.url}/login\n\n###\nGET ${server.url}/app/page\n`, null);
    assert.equal(cookieOf(server.received[1]), null);
    assert.equal(results[0].cookiesSet, undefined);
  });
});

describe('cookie jar rules (tough-cookie)', () => {
  const now = new Date('2026-01-01T00:00:00Z');
  it('sends a Secure cookie over https only (loopback excepted, as browsers do)', () => {
    const jar = createCookieJar();
    jar.store('https://api.example.test/', ['s=1; Secure', 'p=2'], now);
    assert.equal(jar.cookieHeader('https://api.example.test/x', now), 's=1; p=2');
    assert.equal(jar.cookieHeader('http://api.example.test/x', now), 'p=2');
  });
  it('refuses a cookie for a public suffix and keeps a parent-domain cookie for subdomains', () => {
    const jar = createCookieJar();
    const set = jar.store('https://a.example.com/', ['bad=1; Domain=com', 'good=2; Domain=example.com'], now);
    assert.match(set[0].rejected ?? '', /public suffix|domain/i);
    assert.equal(set[1].rejected, null);
    assert.equal(jar.cookieHeader('https://b.example.com/', now), 'good=2');
    assert.equal(jar.cookieHeader('https://example.org/', now), '');
  });
  it('a Max-Age=0 Set-Cookie deletes the stored cookie', () => {
    const jar = createCookieJar();
    jar.store('https://example.com/', ['a=1'], now);
    jar.store('https://example.com/', ['a=1; Max-Age=0'], now);
    assert.equal(jar.cookieHeader('https://example.com/', now), '');
  });
});
