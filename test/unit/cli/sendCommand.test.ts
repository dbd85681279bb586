import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Writable } from 'node:stream';

import { runSend } from '../../../src/cli/commands/sendCommand';
import { demoKeyPairId, demoKeyPairSecret } from '../../../src/cli/mockGateway/mockKeys';
import { type MockGateway, startMockGateway } from '../../../src/cli/mockGateway/startMockGateway';
import { systemClock } from '../../../src/core/ports';
import { secretEnvVarName } from '../../../src/core/secrets/secretEnvVarName';
import { closedPort, type Loopback, startLoopback, tempDir } from '../http/loopback';

class Capture extends Writable {
  text = '';
  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: () => void): void {
    this.text += chunk.toString();
    callback();
  }
}

async function send(dir: string, args: string[], env: Record<string, string> = {}) {
  const stdout = new Capture();
  const stderr = new Capture();
  const code = await runSend(args, { stdout, stderr, env, cwd: dir, clock: systemClock });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

const secretEnv = { [secretEnvVarName(demoKeyPairId)]: demoKeyPairSecret };

describe('gwhttp send', () => {
  let dir: string;
  let gateway: MockGateway | undefined;
  let server: Loopback | undefined;
  beforeEach(() => (dir = tempDir()));
  afterEach(async () => {
    await gateway?.close();
    await server?.close();
    gateway = server = undefined;
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const write = (name: string, text: string) => fs.writeFileSync(path.join(dir, name), text);

  it('prints the --json shape of issue 4 and exits 0 for a signed 2xx', async () => {
    gateway = await startMockGateway({ port: 0 });
    write(
      'a.gwhttp',
      `# @name order\n# @sign tencent-keypair id=${demoKeyPairId}\nPOST ${gateway.url}/release/orders\nContent-Type: application/json\n\n{"qty":2}\n`,
    );
    const { code, stdout } = await send(dir, ['a.gwhttp', '--json'], secretEnv);
    assert.equal(code, 0);
    const json = JSON.parse(stdout) as { results: Record<string, unknown>[] };
    const [result] = json.results;
    // The shape, plus `warnings` (clock drift, quota nearly used up) and `assertions` at the end.
    assert.deepEqual(Object.keys(result), [
      'index',
      'name',
      'line',
      'request',
      'response',
      'throttle',
      'error',
      'warnings',
      'assertions',
      'cookiesSet',
      'file',
    ]);
    assert.equal(result.file, 'a.gwhttp');
    assert.deepEqual(result.warnings, []);
    assert.deepEqual(result.assertions, []);
    assert.deepEqual(Object.keys(result.request as object), ['method', 'url', 'headers', 'body']);
    assert.deepEqual(Object.keys(result.response as object), [
      'status',
      'statusText',
      'headers',
      'body',
      'bodyTruncated',
      'size',
      'httpVersion',
      'timings',
    ]);
    assert.deepEqual(Object.keys((result.response as { timings: object }).timings), [
      'dnsMs',
      'connectMs',
      'tlsMs',
      'firstByteMs',
      'downloadMs',
      'totalMs',
    ]);
    assert.deepEqual(Object.keys(result.throttle as object), [
      'limit',
      'used',
      'usedOf',
      'remaining',
      'retryAfterSeconds',
      'usagePlanId',
      'secretId',
    ]);
    assert.equal(result.name, 'order');
    assert.equal((result.request as { body: string }).body, '{"qty":2}');
    assert.equal((result.throttle as { limit: number }).limit, 500);
    assert.equal(result.error, null);
    assert.ok(!stdout.includes(demoKeyPairSecret));
  });

  it('prints the status line, the throttling line, headers with -v and the pretty body', async () => {
    gateway = await startMockGateway({ port: 0 });
    write('a.gwhttp', `# @sign tencent-keypair id=${demoKeyPairId}\nGET ${gateway.url}/release/x\n`);
    const { code, stdout } = await send(dir, ['a.gwhttp', '-v'], secretEnv);
    assert.equal(code, 0);
    assert.match(stdout, /^#0 GET http:\/\/127\.0\.0\.1:\d+\/release\/x \(a\.gwhttp:2\)$/m);
    assert.match(stdout, /^200 OK \(success\) · \d+ ms · \d+ B$/m);
    assert.match(
      stdout,
      new RegExp(`^quota 1/500 used \\(0%\\) · limit 500 · plan usagePlan-demo · key ${demoKeyPairId}$`, 'm'),
    );
    assert.match(stdout, /^> Authorization: hmac id=/m);
    assert.match(stdout, /^< X-RateLimit-Used: 1\/500$/m);
    assert.match(stdout, /^ {2}"method": "GET",$/m);
    assert.ok(!stdout.includes(demoKeyPairSecret));
  });

  it('shows the explanation of a gateway rejection and exits 1', async () => {
    gateway = await startMockGateway({ port: 0 });
    write('a.gwhttp', `GET ${gateway.url}/release/x\n`);
    const { code, stdout } = await send(dir, ['a.gwhttp']);
    assert.equal(code, 1);
    assert.match(stdout, /^401 Unauthorized \(client error\)/m);
    assert.match(stdout, /^gateway: /m);
    assert.match(stdout, /^ {2}fix: /m);
  });

  it('resolves variables from --env and --var', async () => {
    server = await startLoopback((request, response) => response.end(`${request.url} ${request.headers['x-who']}`));
    write('gwhttp.env.json', JSON.stringify({ local: { base: server.url, who: 'env' } }));
    write('a.gwhttp', 'GET {{base}}/hello\nX-Who: {{who}}\n');
    const { code, stdout } = await send(dir, ['a.gwhttp', '--env', 'local', '--var', 'who=cli', '--json']);
    assert.equal(code, 0);
    assert.equal(
      (JSON.parse(stdout) as { results: { response: { body: string } }[] }).results[0].response.body,
      '/hello cli',
    );
  });

  it('chooses requests by index and by name', async () => {
    server = await startLoopback((request, response) => response.end(request.url));
    write('a.gwhttp', `GET ${server.url}/zero\n\n###\n# @name second\nGET ${server.url}/one\n`);
    assert.equal((await send(dir, ['a.gwhttp', '--request', '1'])).code, 0);
    assert.equal((await send(dir, ['a.gwhttp', '--request', 'second'])).code, 0);
    assert.equal((await send(dir, ['a.gwhttp', '--all'])).code, 0);
    assert.deepEqual(
      server.received.map((r) => r.url),
      ['/one', '/one', '/zero', '/one'],
    );
  });

  it('exits 2 on usage errors and unreadable files, with one line and a hint', async () => {
    write('a.gwhttp', 'GET http://127.0.0.1:1/\n');
    for (const args of [
      [],
      ['a.gwhttp', '--timeout', 'soon'],
      ['a.gwhttp', '--env', 'nowhere'],
      ['a.gwhttp', '--request', '9'],
      ['a.gwhttp', '--bogus'],
      ['missing.gwhttp'],
      ['a.gwhttp', '--var', 'novalue'],
    ]) {
      const { code, stderr, stdout } = await send(dir, args);
      assert.equal(code, 2, `exit 2 for ${args.join(' ')}`);
      assert.equal(stdout, '');
      assert.match(stderr, /^gwhttp: .+\n {2}hint: .+\n$/);
    }
  });

  it('exits 2 and sends nothing when the file has errors in the chosen requests', async () => {
    server = await startLoopback((_request, response) => response.end());
    write('a.gwhttp', `GET ${server.url}/\nno colon here\n`);
    const { code, stderr } = await send(dir, ['a.gwhttp']);
    assert.equal(code, 2);
    assert.match(stderr, /^gwhttp: a\.gwhttp:2: /);
    assert.equal(server.received.length, 0);
  });

  it('reports a refused connection and a missing secret on one line with file:line, exit 1', async () => {
    const port = await closedPort();
    write(
      'a.gwhttp',
      `GET http://127.0.0.1:${port}/x\n\n###\n# @sign tencent-keypair id=AKIDmissing\nGET http://127.0.0.1:${port}/y\n`,
    );
    const { code, stdout } = await send(dir, ['a.gwhttp']);
    assert.equal(code, 1);
    assert.match(stdout, new RegExp(`^error: a\\.gwhttp:1: Connection refused by 127\\.0\\.0\\.1:${port}`, 'm'));
    assert.match(stdout, /^error: a\.gwhttp:5: no secret key for key id "AKIDmissing"/m);
    assert.ok(!/\n\s+at /.test(stdout), 'no stack trace');
  });

  it('cuts a long body with a note, and prints nothing for an empty 204', async () => {
    const items = Array.from({ length: 20000 }, (_, i) => ({ id: i, name: `item ${i}` }));
    server = await startLoopback((request, response) => {
      if (request.url === '/empty') response.writeHead(204).end();
      else response.setHeader('Content-Type', 'application/json').end(JSON.stringify(items));
    });
    write('a.gwhttp', `GET ${server.url}/long\n\n###\nGET ${server.url}/empty\n`);
    const { code, stdout } = await send(dir, ['a.gwhttp']);
    assert.equal(code, 0);
    assert.match(stdout, /^ {4}"id": 0,$/m);
    assert.match(stdout, /^… body truncated: showing 64\.0 KiB of \d+\.\d KiB/m);
    assert.ok(stdout.length < 80 * 1024);
    assert.match(stdout, /^204 No Content \(success\) · \d+ ms · 0 B\n$/m);
  });

  it('warns of a drifted clock and a nearly used quota, and keeps exit 0', async () => {
    server = await startLoopback((_request, response) => {
      response.setHeader('Date', new Date(Date.now() + 10 * 60_000).toUTCString());
      response.setHeader('X-RateLimit-Limit', '500');
      response.setHeader('X-RateLimit-Used', '113/125');
      response.setHeader('X-UsagePlan-ID', 'usagePlan-1');
      response.end('{}');
    });
    write('a.gwhttp', `# @sign tencent-keypair id=${demoKeyPairId}\nGET ${server.url}/release/orders\n`);
    const human = await send(dir, ['a.gwhttp'], secretEnv);
    assert.equal(human.code, 0, human.stdout);
    const warnings = human.stdout.split('\n').filter((line) => line.startsWith('warning: '));
    assert.equal(warnings.length, 2, human.stdout);
    assert.match(warnings[0], /^warning: The local clock is (9 min 5\d|10 min [0-2]) s behind the gateway/);
    assert.match(
      warnings[1],
      /^warning: The quota of usage plan usagePlan-1 is nearly used up: 113\/125 used, 12 left/,
    );
    const json = JSON.parse((await send(dir, ['a.gwhttp', '--json'], secretEnv)).stdout) as {
      results: { warnings: string[] }[];
    };
    assert.equal(json.results[0].warnings.length, 2);
  });

  it('checks ?? assertions: prints each, exits 1 when one fails, and lets an asserted 404 pass', async () => {
    server = await startLoopback((request, response) => {
      response.statusCode = request.url === '/missing' ? 404 : 200;
      response.setHeader('Content-Type', 'application/json');
      response.end(JSON.stringify({ id: 7, items: [1, 2] }));
    });
    write(
      'a.gwhttp',
      [
        '@expectedId = 7',
        '### Item',
        `GET ${server.url}/item`,
        '?? status == 200',
        '?? header content-type includes json',
        '?? body $.id == {{expectedId}}',
        '?? body items.length == 2',
        '',
        '### Missing',
        `GET ${server.url}/missing`,
        '?? status == 404',
        '',
      ].join('\n'),
    );
    const passing = await send(dir, ['a.gwhttp', '--all'], secretEnv);
    assert.equal(passing.code, 0, passing.stdout);
    assert.match(
      passing.stdout,
      /^✔ status == 200\n✔ header content-type includes json\n✔ body \$\.id == 7\n✔ body items\.length == 2\nassertions: 4 passed, 0 failed$/m,
    );
    assert.match(passing.stdout, /^404 Not Found .*\n✔ status == 404\nassertions: 1 passed, 0 failed$/m);

    write('b.gwhttp', `GET ${server.url}/item\n?? body $.id == 8\n?? status == 200\n`);
    const failing = await send(dir, ['b.gwhttp'], secretEnv);
    assert.equal(failing.code, 1);
    assert.match(failing.stdout, /^✘ body \$\.id == 8 \(line 2\): expected body \$\.id == 8, got 7$/m);
    assert.match(failing.stdout, /^assertions: 1 passed, 1 failed$/m);
    const json = JSON.parse((await send(dir, ['b.gwhttp', '--json'], secretEnv)).stdout) as {
      results: { assertions: unknown[] }[];
    };
    assert.deepEqual(json.results[0].assertions, [
      {
        line: 2,
        assertion: 'body $.id == 8',
        passed: false,
        actual: '7',
        failure: 'expected body $.id == 8, got 7',
        origin: 'file',
      },
      { line: 3, assertion: 'status == 200', passed: true, actual: '200', failure: null, origin: 'file' },
    ]);
  });

  it('writes a JUnit report with --junit and stops at the first failure with --bail', async () => {
    server = await startLoopback((request, response) => {
      response.statusCode = request.url === '/broken' ? 500 : 200;
      response.end('{"id":7}');
    });
    write(
      'a.gwhttp',
      [
        `GET ${server.url}/one`,
        '?? body $.id == 8',
        '',
        '###',
        `GET ${server.url}/broken`,
        '',
        '###',
        `GET ${server.url}/three`,
        '',
      ].join('\n'),
    );
    const all = await send(dir, ['a.gwhttp', '--all', '--junit', 'reports/junit.xml'], secretEnv);
    assert.equal(all.code, 1);
    const xml = fs.readFileSync(path.join(dir, 'reports', 'junit.xml'), 'utf8');
    assert.match(xml, /<testsuite name="a\.gwhttp" tests="3" failures="2" /);
    assert.match(
      xml,
      /<testcase name="#0 GET http:\/\/127\.0\.0\.1:\d+\/one › body \$\.id == 8" classname="a\.gwhttp:1" file="a\.gwhttp" line="2" time="[\d.]+">\n {6}<failure message="expected body \$\.id == 8, got 7">/,
    );
    assert.match(
      xml,
      /<testcase name="#1 GET http:\/\/127\.0\.0\.1:\d+\/broken" classname="a\.gwhttp:5" file="a\.gwhttp" line="5" time="[\d.]+">\n {6}<failure message="HTTP 500 Internal Server Error">/,
    );
    assert.match(
      xml,
      /<testcase name="#2 GET http:\/\/127\.0\.0\.1:\d+\/three" classname="a\.gwhttp:8" file="a\.gwhttp" line="8" time="[\d.]+"\/>/,
    );

    const bail = await send(dir, ['a.gwhttp', '--all', '--bail'], secretEnv);
    assert.equal(bail.code, 1);
    assert.match(bail.stdout, /stopped after the first failure \(--bail\)\n$/);
    assert.doesNotMatch(bail.stdout, /\/broken|\/three/);
    const unwritable = await send(dir, ['a.gwhttp', '--junit', 'a.gwhttp/report.xml'], secretEnv);
    assert.equal(unwritable.code, 2);
    assert.match(unwritable.stderr, /^gwhttp: Cannot write the JUnit report to a\.gwhttp\/report\.xml: /);
  });

  it('sends a throttled request again after its Retry-After with --retry-429, and not when the wait is too long', async () => {
    let calls = 0;
    const dates: string[] = [];
    server = await startLoopback((request, response) => {
      calls++;
      dates.push(String(request.headers['x-date']));
      if (calls === 1) {
        response.statusCode = 429;
        response.setHeader('Retry-After', '1');
        response.end('{"message":"API rate limit exceeded"}');
      } else {
        response.end('{}');
      }
    });
    write('a.gwhttp', `# @sign tencent-keypair id=${demoKeyPairId}\nGET ${server.url}/orders\n`);
    const retried = await send(dir, ['a.gwhttp', '--retry-429', '5'], secretEnv);
    assert.equal(retried.code, 0, retried.stdout);
    assert.equal(calls, 2);
    assert.match(
      retried.stdout,
      /^warning: Sent 2 times: the gateway answered 429 and asked to wait \(1 s\); then 200\.$/m,
    );
    assert.notEqual(dates[0], dates[1], 'signed again with a fresh date');

    calls = 0;
    server.received.length = 0;
    const tooLong = await send(dir, ['a.gwhttp', '--retry-429', '0'], secretEnv);
    assert.equal(tooLong.code, 1);
    assert.equal(calls, 1);
    assert.equal((await send(dir, ['a.gwhttp', '--retry-429', 'soon'], secretEnv)).code, 2);
  });

  it('sends several files or a folder, checking every file before sending any', async () => {
    server = await startLoopback((request, response) => {
      response.statusCode = request.url === '/broken' ? 500 : 200;
      response.end('{}');
    });
    fs.mkdirSync(path.join(dir, 'api', 'nested'), { recursive: true });
    write('api/one.gwhttp', `GET ${server.url}/one\n\n###\nGET ${server.url}/two\n`);
    write('api/nested/three.gwhttp', `GET ${server.url}/broken\n`);
    const human = await send(dir, ['api', '--junit', 'junit.xml'], secretEnv);
    assert.equal(human.code, 1);
    assert.match(human.stdout, /^=== api\/nested\/three\.gwhttp ===\n#0 GET .*\/broken/m);
    assert.match(human.stdout, /\n\n=== api\/one\.gwhttp ===\n#0 GET .*\/one/);
    assert.deepEqual(
      server.received.map((received) => received.url),
      ['/broken', '/one', '/two'],
    );
    const xml = fs.readFileSync(path.join(dir, 'junit.xml'), 'utf8');
    assert.match(xml, /<testsuite name="api\/nested\/three\.gwhttp" tests="1" failures="1" /);
    assert.match(xml, /<testsuite name="api\/one\.gwhttp" tests="2" failures="0" /);
    const json = JSON.parse(
      (await send(dir, ['api/one.gwhttp', 'api/nested/three.gwhttp', '--json'], secretEnv)).stdout,
    ) as { results: { file: string; index: number }[] };
    assert.deepEqual(
      json.results.map((result) => [result.file, result.index]),
      [
        ['api/one.gwhttp', 0],
        ['api/one.gwhttp', 1],
        ['api/nested/three.gwhttp', 0],
      ],
    );

    server.received.length = 0;
    write('api/zz-broken.gwhttp', `GET ${server.url}/never\nno colon here\n`);
    const refused = await send(dir, ['api'], secretEnv);
    assert.equal(refused.code, 2);
    assert.match(refused.stderr, /^gwhttp: api\/zz-broken\.gwhttp:2: /);
    assert.deepEqual(server.received, [], 'a file with errors stops the whole run before anything is sent');
    assert.equal((await send(dir, ['api', '--request', '0'], secretEnv)).code, 2);
  });

  it('exits 1 for a non-2xx answer without a gateway explanation', async () => {
    server = await startLoopback((_request, response) => response.writeHead(500).end('boom'));
    write('a.gwhttp', `GET ${server.url}/\n`);
    const { code, stdout } = await send(dir, ['a.gwhttp']);
    assert.equal(code, 1);
    assert.match(stdout, /^500 Internal Server Error \(server error\)/m);
  });
  it('masks the secret it signed with in the human output and in --json when the server echoes it', async () => {
    server = await startLoopback((_request, response) => {
      response.setHeader('X-Echo', demoKeyPairSecret);
      response.setHeader('Set-Cookie', `echo=${encodeURIComponent(demoKeyPairSecret)}`);
      response.setHeader('Content-Type', 'application/json');
      response.end(JSON.stringify({ echoed: demoKeyPairSecret }));
    });
    write('a.gwhttp', `# @sign tencent-keypair id=${demoKeyPairId}\nGET ${server.url}/debug\n`);
    const human = await send(dir, ['a.gwhttp', '-v'], secretEnv);
    assert.equal(human.code, 0, human.stderr);
    assert.match(human.stdout, /^< X-Echo: \*{8}$/m);
    assert.match(human.stdout, /^ {2}"echoed": "\*{8}"$/m);
    const json = await send(dir, ['a.gwhttp', '--json'], secretEnv);
    const [result] = (JSON.parse(json.stdout) as { results: { response: { body: string } }[] }).results;
    assert.deepEqual(JSON.parse(result.response.body), { echoed: '********' });
    for (const text of [human.stdout, json.stdout]) {
      assert.ok(!text.includes(demoKeyPairSecret) && !text.includes(encodeURIComponent(demoKeyPairSecret)));
    }
  });
});
