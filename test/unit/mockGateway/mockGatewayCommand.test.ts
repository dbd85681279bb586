import { strict as assert } from 'node:assert';
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { type HeaderPairs, keyPairAuthorization, send } from './testSigner';

const repoRoot = path.join(__dirname, '../../..');
const children: ChildProcessWithoutNullStreams[] = [];

/** Runs the CLI from source through tsx (no build needed). */
function spawnCli(args: string[]): ChildProcessWithoutNullStreams {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'src/cli/main.ts'), ...args], {
    cwd: repoRoot,
  });
  children.push(child);
  return child;
}

function firstLine(child: ChildProcessWithoutNullStreams): Promise<string> {
  return new Promise((resolve, reject) => {
    let buffered = '';
    const onData = (chunk: Buffer): void => {
      buffered += chunk.toString('utf8');
      const end = buffered.indexOf('\n');
      if (end >= 0) {
        child.stdout.off('data', onData);
        resolve(buffered.slice(0, end));
      }
    };
    child.stdout.on('data', onData);
    child.once('exit', (code) => reject(new Error(`exited with ${code} before printing a line`)));
  });
}

function collect(child: ChildProcessWithoutNullStreams): {
  stdout: () => string;
  stderr: () => string;
  exit: Promise<number | null>;
} {
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { stdout: () => stdout, stderr: () => stderr, exit };
}

describe('gwhttp mock-gateway (CLI)', () => {
  afterEach(() => {
    for (const child of children.splice(0)) {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
  });

  it('prints the listening line first, serves signed requests from a keys file, and exits 0 on SIGTERM', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gwhttp-'));
    const keysFile = path.join(dir, 'keys.json');
    fs.writeFileSync(
      keysFile,
      JSON.stringify({
        window: 60,
        keys: [{ id: 'AKIDcli0001', secret: 'cli-secret-value', usagePlanId: 'plan-cli', limit: 7 }],
      }),
    );
    const child = spawnCli(['mock-gateway', '--port', '0', '--keys', keysFile, '--profile', 'legacy']);
    const output = collect(child);
    const line = await firstLine(child);
    const match = /^listening on (http:\/\/127\.0\.0\.1:(\d+))$/.exec(line);
    assert.ok(match, line);
    const headers: HeaderPairs = [['X-Date', new Date().toUTCString()]];
    headers.push([
      'Authorization',
      keyPairAuthorization('AKIDcli0001', 'cli-secret-value', 'hmac-sha1', headers, ['x-date']),
    ]);
    const ok = await send(match[1], 'GET', '/release/ping', headers);
    assert.equal(ok.status, 200);
    assert.equal(ok.headers['x-ratelimit-used'], '1/7');
    const rejected = await send(match[1], 'GET', '/release/ping', [['X-Date', new Date().toUTCString()]]);
    assert.equal(rejected.status, 401);
    child.kill('SIGTERM');
    assert.equal(await output.exit, 0);
    const lines = output.stdout().split('\n');
    assert.ok(lines.some((l) => l.startsWith('GET /release/ping -> 200')));
    assert.ok(lines.some((l) => l.startsWith('GET /release/ping -> 401')));
    assert.ok(!output.stdout().includes('cli-secret-value'), 'the secret is never printed');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('stops on SIGINT with exit 0', async () => {
    const child = spawnCli(['mock-gateway', '--port', '0']);
    const output = collect(child);
    assert.match(await firstLine(child), /^listening on http:\/\/127\.0\.0\.1:\d+$/);
    child.kill('SIGINT');
    assert.equal(await output.exit, 0);
  });

  for (const [args, pattern] of [
    [['--profile', 'newest'], /--profile must be 'current' or 'legacy'/],
    [['--port', 'eighty'], /--port must be a number/],
    [['--keys', '/nonexistent/keys.json'], /cannot read keys file/],
    [['--bogus'], /Unknown option/],
  ] as [string[], RegExp][]) {
    it(`exits 2 with a usage message for ${args.join(' ')}`, async () => {
      const output = collect(spawnCli(['mock-gateway', ...args]));
      assert.equal(await output.exit, 2);
      assert.match(output.stderr(), pattern);
      assert.equal(output.stdout(), '');
    });
  }

  it('exits 2 naming the problem in an invalid keys file', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gwhttp-'));
    const keysFile = path.join(dir, 'keys.json');
    fs.writeFileSync(keysFile, '{"keys":[{"id":"AKID1"}]}');
    const output = collect(spawnCli(['mock-gateway', '--keys', keysFile]));
    assert.equal(await output.exit, 2);
    assert.match(output.stderr(), /keys\[0\]\.secret must be a non-empty string/);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
