import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

import { main } from '../../../src/cli/main';
import { type Loopback, startLoopback, tempDir } from '../http/loopback';
import { cliSend, cliSign } from './cliCapture';

describe('gwhttp send FILE:LINE (the location gwhttp prints picks that request)', () => {
  let dir: string;
  let server: Loopback;
  let paths: string[];
  beforeEach(async () => {
    dir = tempDir();
    paths = [];
    server = await startLoopback((request, response) => {
      paths.push(request.url ?? '');
      response.end('ok');
    });
    fs.writeFileSync(
      path.join(dir, 'a.http'),
      [
        `@base = ${server.url}`,
        '',
        '### First',
        'GET {{base}}/first',
        '',
        '### Second',
        '# a comment',
        'GET {{base}}/second',
        'Accept: text/plain',
        '',
        '?? status == 200',
        '',
        '### Third',
        'GET {{base}}/third',
        '',
      ].join('\n'),
    );
  });
  afterEach(async () => {
    await server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('sends the request whose lines hold LINE: its request line, its ### line or a line below it', async () => {
    for (const line of [8, 6, 11]) {
      paths.length = 0;
      const result = await cliSend(dir, [`a.http:${line}`]);
      assert.equal(result.code, 0, result.stderr);
      assert.deepEqual(paths, ['/second'], `line ${line}`);
      assert.match(result.stdout, /a\.http:8\b/);
    }
  });

  it('names the request lines when LINE is outside every request', async () => {
    const result = await cliSend(dir, ['a.http:2']);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /a\.http:2 is not inside a request/);
    assert.match(result.stderr, /at lines 4, 8, 14/);
    assert.deepEqual(paths, []);
  });

  it('refuses FILE:LINE together with --request', async () => {
    const result = await cliSend(dir, ['a.http:8', '--request', 'First']);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /picks one request/);
  });

  it('reads a path that exists as given, even ending in :N, as a file', async () => {
    fs.copyFileSync(path.join(dir, 'a.http'), path.join(dir, 'b.http:3'));
    const result = await cliSend(dir, ['b.http:3']);
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(paths, ['/first', '/second', '/third']);
  });

  it('gwhttp sign FILE:LINE prints that request', async () => {
    const result = await cliSign(dir, ['a.http:14']);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /^GET http:\/\/127\.0\.0\.1:\d+\/third HTTP\/1\.1$/m);
  });
});

describe('gwhttp COMMAND --help', () => {
  it('prints the usage and exits 0 instead of an unknown-option error', async () => {
    const written: string[] = [];
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((chunk: string) => written.push(chunk) > 0) as typeof process.stdout.write;
    try {
      assert.equal(await main(['send', '--help']), 0);
      assert.equal(await main(['check', 'x.http', '-h']), 0);
    } finally {
      process.stdout.write = write;
    }
    assert.match(written.join(''), /gwhttp send FILE\[:LINE\]\|FOLDER/);
  });
});
