import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

import { type Loopback, selfSignedCertificate, startLoopback, tempDir } from '../http/loopback';

const root = path.resolve(__dirname, '../../..');

/** Runs the real CLI entry in its own process (through tsx, so no build is needed). */
function gwhttp(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['-r', 'tsx/cjs', path.join(root, 'src/cli/main.ts'), ...args],
      { cwd, env: { ...process.env, NODE_PATH: path.join(root, 'node_modules') }, timeout: 30000 },
      (error, stdout, stderr) =>
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr }),
    );
  });
}

function assertOneLineFailure(output: { code: number; stdout: string; stderr: string }, pattern: RegExp): void {
  assert.equal(output.code, 1, output.stderr);
  assert.match(output.stdout, pattern);
  assert.ok(!/\n\s+at /.test(output.stdout + output.stderr), 'no stack trace');
}

describe('gwhttp send (process)', function () {
  this.timeout(60000);
  let dir: string;
  let server: Loopback | undefined;
  beforeEach(() => (dir = tempDir()));
  afterEach(async () => {
    await server?.close();
    server = undefined;
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const write = (text: string) => fs.writeFileSync(path.join(dir, 'a.gwhttp'), text);

  it('fails a DNS lookup with one line and exit 1', async () => {
    write('GET http://gwhttp-nowhere.invalid/x\n');
    assertOneLineFailure(
      await gwhttp(['send', 'a.gwhttp'], dir),
      /^error: a\.gwhttp:1: Cannot resolve host gwhttp-nowhere\.invalid/m,
    );
  });

  it('times out instead of hanging', async () => {
    server = await startLoopback(() => undefined);
    write(`GET ${server.url}/slow\n`);
    assertOneLineFailure(
      await gwhttp(['send', 'a.gwhttp', '--timeout', '300'], dir),
      /^error: a\.gwhttp:1: No complete answer from 127\.0\.0\.1:\d+ within 300 ms/m,
    );
  });

  it('fails on a self-signed certificate and succeeds with --insecure', async () => {
    server = await startLoopback((_request, response) => response.end('ok'), selfSignedCertificate());
    write(`GET ${server.url}/\n`);
    assertOneLineFailure(
      await gwhttp(['send', 'a.gwhttp'], dir),
      /^error: a\.gwhttp:1: TLS failed with 127\.0\.0\.1:\d+/m,
    );
    const insecure = await gwhttp(['send', 'a.gwhttp', '--insecure'], dir);
    assert.equal(insecure.code, 0, insecure.stdout);
    assert.match(insecure.stdout, /^200 OK \(success\)/m);
  });

  it('reports a server that closes mid-body', async () => {
    server = await startLoopback((_request, response) => {
      response.writeHead(200, { 'Content-Length': '500' });
      response.write('part', () => response.socket?.destroy());
    });
    write(`GET ${server.url}/\n`);
    assertOneLineFailure(
      await gwhttp(['send', 'a.gwhttp'], dir),
      /^error: a\.gwhttp:1: The connection to 127\.0\.0\.1:\d+ closed before the whole body arrived/m,
    );
  });
});
