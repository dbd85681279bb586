import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Writable } from 'node:stream';

import { type CheckedFile, runCheck } from '../../../src/cli/commands/checkCommand';
import { systemClock } from '../../../src/core/ports';
import { tempDir } from '../http/loopback';

class Capture extends Writable {
  text = '';
  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: () => void): void {
    this.text += chunk.toString();
    callback();
  }
}

async function check(dir: string, args: string[]) {
  const stdout = new Capture();
  const stderr = new Capture();
  const code = await runCheck(args, { stdout, stderr, env: {}, cwd: dir, clock: systemClock });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

const clean =
  '### List orders\n# @sign tencent-keypair id={{keyId}}\nGET https://{{host}}/release/orders\nAccept: application/json\n';

describe('gwhttp check', () => {
  let dir: string;
  beforeEach(() => {
    dir = tempDir();
    fs.mkdirSync(path.join(dir, '.git'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
  const write = (name: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  };

  it('checks every .gwhttp below a folder (not node_modules) and passes clean files', async () => {
    write(
      'gwhttp.env.json',
      JSON.stringify({ $shared: { keyId: 'AKIDexample00000001' }, dev: { host: '127.0.0.1:8080' } }),
    );
    write('api/orders.gwhttp', clean);
    write('api/nested/items.gwhttp', 'GET https://{{host}}/items\n');
    write('api/notes.txt', 'GET {{nowhere}}\n');
    write('node_modules/pkg/broken.gwhttp', 'GET {{nowhere}}\n');
    const result = await check(dir, ['api']);
    assert.equal(result.code, 0, result.stdout + result.stderr);
    assert.equal(result.stdout, 'checked 2 files, 2 requests: 0 errors, 0 warnings\n');
  });

  it('reports parse errors, unresolved variables, bad system variables and signing problems with file:line:column', async () => {
    write(
      'a.gwhttp',
      [
        '@secretKey = Q2hhbmdlTWVQbGVhc2UxMjM0NTY3ODkwYWJj',
        '### Orders',
        '# @sign tencent-keypair id=AKIDabcdefgh12345678',
        'GET https://127.0.0.1/release/orders',
        'Host: example.com/release',
        'X-Token: {{token}}',
        'X-Day: {{$datetime soon}}',
        '',
        '###',
        'POST https://127.0.0.1/x',
        'Content-Type application/json',
        '',
      ].join('\n'),
    );
    const result = await check(dir, ['a.gwhttp']);
    assert.equal(result.code, 1);
    const lines = result.stdout.trimEnd().split('\n');
    assert.match(
      lines[0],
      /^a\.gwhttp:1:14: warning: The value of "secretKey" looks like a literal secret key .* \[literal-secret\]$/,
    );
    assert.match(
      lines[1],
      /^a\.gwhttp:5: warning: Host "example\.com\/release" is not a bare host.* \[host-with-path\]$/,
    );
    assert.match(lines[2], /^a\.gwhttp:6:10: error: Variable \{\{token\}\} is not defined.* \[unresolved-variable\]$/);
    assert.match(lines[3], /^a\.gwhttp:7:8: error: \{\{\$datetime soon\}\}: .* \[bad-system-variable\]$/);
    assert.match(
      lines[4],
      /^a\.gwhttp:11: error: 'Content-Type application\/json' is not a header.* \[header-without-colon\]$/,
    );
    assert.equal(lines[5], 'checked 1 file, 2 requests: 3 errors, 2 warnings');
    assert.equal(lines.length, 6);
  });

  it('fails on warnings only with --strict (a literal secret in a pre-commit hook)', async () => {
    write('a.gwhttp', 'GET https://127.0.0.1/x\nX-Api-Secret-Key: Q2hhbmdlTWVQbGVhc2UxMjM0NTY3ODkwYWJj\n');
    assert.equal((await check(dir, ['a.gwhttp'])).code, 0);
    const strict = await check(dir, ['a.gwhttp', '--strict']);
    assert.equal(strict.code, 1);
    assert.match(strict.stdout, /1 warning\n$/);
  });

  it('counts names from any environment without --env, from the chosen one with it, and from .env and --var', async () => {
    write(
      'gwhttp.env.json',
      JSON.stringify({ dev: { host: '127.0.0.1:8080', token: 't' }, prod: { host: 'api.example.com' } }),
    );
    write('.env', 'USER_NAME=alice\n');
    write('a.gwhttp', 'GET https://{{host}}/x?user={{USER_NAME}}&region={{region}}\nX-Token: {{token}}\n');
    const any = await check(dir, ['a.gwhttp', '--var', 'region=ap-beijing']);
    assert.equal(any.code, 0, any.stdout);
    const prod = await check(dir, ['a.gwhttp', '--env', 'prod', '--var', 'region=ap-beijing']);
    assert.equal(prod.code, 1);
    assert.match(prod.stdout, /^a\.gwhttp:2:10: error: Variable \{\{token\}\} is not defined/m);
    assert.doesNotMatch(prod.stdout, /\{\{host\}\}|\{\{USER_NAME\}\}|\{\{region\}\}/);
    const unknown = await check(dir, ['a.gwhttp', '--env', 'staging']);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /--env staging: no such environment for a\.gwhttp/);
    assert.match(unknown.stderr, /Known environments: dev, prod\./);
  });

  it('uses the only environment without --env, and with several says once, as information, that one should be chosen', async () => {
    write('gwhttp.env.json', JSON.stringify({ local: { host: '127.0.0.1:8080' } }));
    write('a.gwhttp', 'GET https://{{host}}/x\n');
    const only = await check(dir, ['a.gwhttp']);
    assert.equal(only.stdout, 'checked 1 file, 1 request: 0 errors, 0 warnings\n');
    write('gwhttp.env.json', JSON.stringify({ dev: { host: 'a' }, prod: { host: 'b' } }));
    const several = await check(dir, ['a.gwhttp', '--strict']);
    assert.equal(several.code, 0, several.stdout);
    assert.match(
      several.stdout,
      /^a\.gwhttp:1:13: info: No environment is selected: \{\{host\}\} comes from its environments \(dev, prod\)\. Select one .*\[environment-not-selected\]$/m,
    );
  });

  it('reports no problem in the examples, as the editor does', async () => {
    const result = await check(process.cwd(), ['examples']);
    assert.equal(result.code, 0, result.stdout);
    assert.match(result.stdout, /: 0 errors, 0 warnings\n$/);
    assert.doesNotMatch(result.stdout, /info:/);
  });

  it('prints JSON with --json', async () => {
    write('a.gwhttp', 'GET https://127.0.0.1/{{missing}}\n');
    const result = await check(dir, ['a.gwhttp', '--json']);
    assert.equal(result.code, 1);
    const report = JSON.parse(result.stdout) as { files: CheckedFile[]; errors: number; warnings: number };
    assert.equal(report.errors, 1);
    assert.equal(report.warnings, 0);
    assert.deepEqual(
      report.files.map((file) => [file.file, file.requests]),
      [['a.gwhttp', 1]],
    );
    assert.deepEqual(Object.keys(report.files[0].diagnostics[0]), [
      'line',
      'column',
      'endColumn',
      'severity',
      'code',
      'message',
    ]);
    assert.equal(report.files[0].diagnostics[0].code, 'unresolved-variable');
  });

  it('is a usage error (exit 2) for a missing path, a folder without request files, or no argument', async () => {
    fs.mkdirSync(path.join(dir, 'empty'));
    const missing = await check(dir, ['nope.gwhttp']);
    assert.equal(missing.code, 2);
    assert.equal(missing.stderr.split('\n')[0], 'gwhttp: Cannot read nope.gwhttp: no such file or folder.');
    assert.equal((await check(dir, ['empty'])).code, 2);
    assert.equal((await check(dir, [])).code, 2);
    assert.equal((await check(dir, ['--bogus'])).code, 2);
  });
});
