import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

import { type Loopback, startLoopback, tempDir } from '../http/loopback';

const root = path.resolve(__dirname, '../../..');
const cli = path.join(root, 'dist', 'cli.js');

interface Output {
  code: number;
  stdout: string;
  stderr: string;
}

/** The built CLI (`npm test` builds before the unit tests): dist/cli.js with its split bundles. */
function builtGwhttp(args: string[], cwd: string, env: Record<string, string>): Promise<Output> {
  return new Promise((resolve) => {
    const clean = Object.fromEntries(
      Object.entries(process.env).filter(
        ([name]) => !/^(GWHTTP_|HTTPS?_PROXY|NO_PROXY|https?_proxy|no_proxy)/.test(name),
      ),
    );
    execFile(
      process.execPath,
      [cli, ...args],
      { cwd, env: { ...clean, ...env }, timeout: 30000 },
      (error, stdout, stderr) =>
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr }),
    );
  });
}

const keyId = 'AKIDbuilt00000000000000000000000000001';

describe('the built CLI (dist/cli.js and its bundles)', function () {
  this.timeout(60000);
  let dir: string;
  let server: Loopback;
  let cacheDir: string;
  before(function () {
    if (!fs.existsSync(cli)) throw new Error(`${cli} is missing: run npm run build first (npm test does)`);
  });
  beforeEach(async () => {
    dir = tempDir();
    cacheDir = path.join(dir, 'code-cache');
    server = await startLoopback((request, response) => {
      response.setHeader('Content-Type', 'application/json');
      response.end(
        JSON.stringify({ token: 'tok-42', path: request.url, proxied: /^http:\/\//.test(request.url ?? '') }),
      );
    });
  });
  afterEach(async () => {
    await server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const cacheFiles = () => (fs.existsSync(cacheDir) ? fs.readdirSync(cacheDir) : []);

  it('prints its version without loading a command bundle', async () => {
    const version = await builtGwhttp(['--version'], dir, { GWHTTP_CODE_CACHE_DIR: cacheDir });
    assert.equal(version.stdout.trim(), JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).version);
    assert.deepEqual(cacheFiles(), []);
  });

  it('sends with a .env secret, a JSONPath chain, a Day.js date, an assertion and --junit (the lazily loaded bundles)', async () => {
    fs.writeFileSync(path.join(dir, '.env'), `GWHTTP_SECRET_${keyId}=built-secret\n`);
    fs.writeFileSync(
      path.join(dir, 'a.gwhttp'),
      [
        '# @name login',
        `GET ${server.url}/login`,
        '',
        '###',
        `# @sign tencent-keypair id=${keyId}`,
        `GET ${server.url}/orders?token={{login.response.body.$.token}}`,
        'X-Day: {{$datetime "YYYY-MM-DD"}}',
        '',
        '?? body $.token == tok-42',
        '',
      ].join('\n'),
    );
    const startedOn = new Date().toISOString().slice(0, 10);
    const run = await builtGwhttp(['send', 'a.gwhttp', '--all', '--json', '--junit', 'junit.xml'], dir, {
      GWHTTP_CODE_CACHE_DIR: cacheDir,
    });
    assert.equal(run.code, 0, run.stderr + run.stdout);
    const results = (
      JSON.parse(run.stdout) as {
        results: Array<{
          request: { url: string; headers: Array<{ name: string; value: string }> };
          assertions: Array<{ passed: boolean }>;
        }>;
      }
    ).results;
    assert.deepEqual(
      results[1].assertions.map((assertion) => assertion.passed),
      [true],
      'the assertions chunk ran',
    );
    assert.match(
      fs.readFileSync(path.join(dir, 'junit.xml'), 'utf8'),
      /<testcase name="#1 GET [^"]+ › body \$\.token == tok-42"/,
      'the JUnit chunk ran',
    );
    assert.equal(results.length, 2);
    assert.equal(results[1].request.url, `${server.url}/orders?token=tok-42`);
    assert.match(
      results[1].request.headers.find((header) => header.name === 'Authorization')!.value,
      new RegExp(`^hmac id="${keyId}"`),
    );
    const day = results[1].request.headers.find((header) => header.name === 'X-Day')?.value;
    assert.ok(day === startedOn || day === new Date().toISOString().slice(0, 10), `X-Day: ${day}`);
  });

  it('sends through HTTP_PROXY (the lazily loaded proxy agent bundle)', async () => {
    fs.writeFileSync(path.join(dir, 'a.gwhttp'), 'GET http://gateway.example.invalid/via-proxy\n');
    const run = await builtGwhttp(['send', 'a.gwhttp', '--json'], dir, {
      HTTP_PROXY: server.url,
      GWHTTP_NO_CODE_CACHE: '1',
    });
    assert.equal(run.code, 0, run.stderr + run.stdout);
    assert.equal(server.received[0].url, 'http://gateway.example.invalid/via-proxy', 'the proxy got the absolute URL');
  });

  it('writes a code cache on the first run, reuses it untouched, and replaces a corrupt one', async () => {
    fs.writeFileSync(path.join(dir, 'a.gwhttp'), `GET ${server.url}/one\n`);
    const send = () => builtGwhttp(['send', 'a.gwhttp'], dir, { GWHTTP_CODE_CACHE_DIR: cacheDir });
    const first = await send();
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stdout, /200 OK/);
    const [name, ...more] = cacheFiles();
    assert.deepEqual(more, []);
    assert.match(
      name,
      new RegExp(`^send-[0-9a-f]{16}-${process.version.replace(/\./g, '\\.')}-${process.arch}\\.v8cache$`),
    );
    const file = path.join(cacheDir, name);
    const written = fs.readFileSync(file);

    const second = await send();
    assert.equal(second.code, 0, second.stderr);
    assert.deepEqual(fs.readFileSync(file), written, 'an accepted cache is not rewritten');

    fs.writeFileSync(file, Buffer.alloc(written.length, 7));
    const third = await send();
    assert.equal(third.code, 0, third.stderr);
    assert.match(third.stdout, /200 OK/);
    assert.notDeepEqual(
      fs.readFileSync(file),
      Buffer.alloc(written.length, 7),
      'V8 rejected the corrupt data and it was rewritten',
    );
  });

  it('explains a gateway rejection (the explain chunk)', async () => {
    const rejecting = await startLoopback((_request, response) => {
      response.statusCode = 401;
      response.setHeader('Content-Type', 'application/json');
      response.end('{"message":"HMAC signature does not match"}');
    });
    try {
      fs.writeFileSync(path.join(dir, 'a.gwhttp'), `GET ${rejecting.url}/x\n`);
      const run = await builtGwhttp(['send', 'a.gwhttp'], dir, { GWHTTP_NO_CODE_CACHE: '1' });
      assert.equal(run.code, 1, run.stderr);
      assert.match(run.stdout, /^gateway: HMAC signature does not match\n {2}cause: /m);
    } finally {
      await rejecting.close();
    }
  });

  it('checks a file from the check bundle', async () => {
    fs.writeFileSync(path.join(dir, 'a.gwhttp'), 'GET http://127.0.0.1/{{missing}}\n');
    const run = await builtGwhttp(['check', 'a.gwhttp'], dir, { GWHTTP_NO_CODE_CACHE: '1' });
    assert.equal(run.code, 1, run.stderr);
    assert.match(run.stdout, /^a\.gwhttp:1:\d+: error: Variable \{\{missing\}\} is not defined/);
  });

  it('writes no cache when it is turned off', async () => {
    fs.writeFileSync(path.join(dir, 'a.gwhttp'), `GET ${server.url}/off\n`);
    const run = await builtGwhttp(['send', 'a.gwhttp'], dir, {
      GWHTTP_CODE_CACHE_DIR: cacheDir,
      GWHTTP_NO_CODE_CACHE: '1',
    });
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(cacheFiles(), []);
  });
});
