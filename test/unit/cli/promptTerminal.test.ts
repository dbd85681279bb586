import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

import { type Loopback, startLoopback, tempDir } from '../http/loopback';

const root = path.resolve(__dirname, '../../..');
const cli = path.join(root, 'dist', 'cli.js');
const driver = path.join(__dirname, 'ptyDriver.py');

interface Output {
  code: number;
  stdout: string;
  stderr: string;
}

function cleanEnv(): Record<string, string> {
  return Object.fromEntries(
    Object.entries(process.env).filter(
      (entry): entry is [string, string] =>
        entry[1] !== undefined && !/^(GWHTTP_|HTTPS?_PROXY|NO_PROXY|https?_proxy|no_proxy|CI)$/.test(entry[0]),
    ),
  );
}

/** The built CLI in a real pseudo-terminal (python3's pty), answering `steps` as a user would. */
function inTerminal(steps: [string, string][], args: string[], cwd: string): Promise<{ shown: string; code: number }> {
  return new Promise((resolve) => {
    execFile(
      'python3',
      [driver, JSON.stringify(steps), process.execPath, cli, ...args],
      { cwd, env: cleanEnv(), timeout: 60000 },
      (_error, stdout) => {
        const match = /\nEXIT (-?\d+)\n$/.exec(stdout);
        resolve({ shown: stdout, code: match ? Number(match[1]) : -1 });
      },
    );
  });
}

/** The built CLI with stdin a pipe (not a terminal), as in CI. */
function withoutTerminal(args: string[], cwd: string): Promise<Output> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      [cli, ...args],
      { cwd, env: cleanEnv(), timeout: 30000 },
      (error, stdout, stderr) =>
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr }),
    );
    child.stdin?.end();
  });
}

const secret = 'Hunter2-Terminal-Secret';

describe('CLI prompts: a real terminal, --var, and no terminal', function () {
  this.timeout(90000);
  let dir: string;
  let server: Loopback;
  before(function () {
    if (!fs.existsSync(cli)) throw new Error(`${cli} is missing: run npm run build first (npm test does)`);
  });
  beforeEach(async () => {
    dir = tempDir();
    server = await startLoopback((_request, response) => response.end('ok'));
    fs.writeFileSync(
      path.join(dir, 'a.http'),
      [
        '# @prompt orderId Order to cancel',
        `DELETE ${server.url}/orders/{{orderId}}?s={{$pick Stage $value: dev,prod}}`,
        'X-Password: {{$password Your password}}',
        '',
        '###',
        '# @prompt orderId Order to cancel',
        `GET ${server.url}/again/{{orderId}}`,
        'X-Password: {{$password Your password}}',
        '',
      ].join('\n'),
    );
  });
  afterEach(async () => {
    await server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('asks on the terminal once per run: plain input echoed, the password neither echoed nor printed, a pick by number', async () => {
    const { shown, code } = await inTerminal(
      [
        ['Order to cancel [orderId]: ', '42'],
        ['Pick 1-2: ', '2'],
        ['Your password: ', secret],
      ],
      ['send', 'a.http', '-v'],
      dir,
    );
    assert.equal(code, 0, shown);
    assert.deepEqual(
      server.received.map((received) => received.url),
      ['/orders/42?s=prod', '/again/42'],
      'the second request is not asked again',
    );
    for (const { rawHeaders } of server.received) {
      assert.equal(rawHeaders[rawHeaders.findIndex((name) => name.toLowerCase() === 'x-password') + 1], secret);
    }
    assert.equal(shown.split('[orderId]').length, 2, 'orderId is asked once');
    assert.match(shown, /42/, 'the plain answer is echoed');
    assert.match(shown, /1\) dev\s+2\) prod/);
    assert.ok(!shown.includes(secret), `the password is never on the terminal:\n${shown}`);
    assert.ok(!shown.includes(secret.slice(0, 8)), 'not even in part');
  });

  it('--var answers prompts (a # @prompt name, an inline label) without a terminal', async () => {
    const result = await withoutTerminal(
      ['send', 'a.http', '--json', '--var', 'orderId=7', '--var', 'Stage=dev', '--var', `Your password=${secret}`],
      dir,
    );
    assert.equal(result.code, 0, result.stderr);
    assert.equal(server.received[0].url, '/orders/7?s=dev');
    assert.ok(!result.stdout.includes(secret), 'the masked answer is redacted from --json');
    assert.ok(!result.stderr.includes(secret));
  });

  it('without a terminal, a prompt without --var fails at its line, naming --var name=value, and sends nothing', async () => {
    const result = await withoutTerminal(['send', 'a.http'], dir);
    assert.notEqual(result.code, 0);
    assert.match(result.stdout + result.stderr, /a\.http:1\b.*--var orderId=value/);
    assert.equal(server.received.length, 0);
    const sign = await withoutTerminal(
      ['sign', 'a.http', '--request', '0', '--var', 'orderId=1', '--var', 'Stage=dev'],
      dir,
    );
    assert.notEqual(sign.code, 0);
    assert.match(sign.stdout + sign.stderr, /a\.http:3\b.*--var "Your password=value"/);
  });
});
