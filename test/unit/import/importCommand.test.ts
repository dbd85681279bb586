import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Writable } from 'node:stream';
import { promisify } from 'node:util';

import { runImport } from '../../../src/cli/commands/importCommand';
import { systemClock } from '../../../src/core/ports';
import { tempDir } from '../http/loopback';
import { fixtures } from './golden';

class Capture extends Writable {
  text = '';
  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: () => void): void {
    this.text += chunk.toString();
    callback();
  }
}

async function gwhttpImport(dir: string, args: string[]) {
  const stdout = new Capture();
  const stderr = new Capture();
  const code = await runImport(args, { stdout, stderr, env: {}, cwd: dir, clock: systemClock });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

describe('gwhttp import', () => {
  let dir: string;
  beforeEach(() => {
    dir = tempDir();
    for (const file of [
      'postman/groups-api.postman_collection.json',
      'postman/groups-api-sandbox.postman_environment.json',
      'openapi/petstore.yaml',
    ]) {
      fs.copyFileSync(path.join(fixtures, file), path.join(dir, path.basename(file)));
    }
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
  const read = (name: string) => fs.readFileSync(path.join(dir, name), 'utf8');

  it('curl: prints the request; an unknown flag is a warning naming it and the rest is kept', async () => {
    const out = await gwhttpImport(dir, ['curl', "curl --frobnicate -H 'Accept: text/plain' https://x.test/a"]);
    assert.equal(out.code, 0);
    assert.equal(out.stdout, '###\nGET https://x.test/a\nAccept: text/plain\n');
    assert.match(
      out.stderr,
      /warning: Unknown curl option --frobnicate: it is ignored, the rest of the command is kept\. \(argument 1\)/,
    );
  });
  it('curl: reads a file and writes --out; text that holds no curl command is a clear error', async () => {
    fs.writeFileSync(path.join(dir, 'copied.sh'), "curl 'https://x.test/b' \\\n  -X PATCH --data-raw 'a=1'\n");
    const written = await gwhttpImport(dir, ['curl', 'copied.sh', '--out', 'b.gwhttp']);
    assert.equal(written.code, 0, written.stderr);
    assert.match(read('b.gwhttp'), /^PATCH https:\/\/x\.test\/b$/m);
    fs.writeFileSync(path.join(dir, 'nothing.sh'), 'echo hello\n');
    const none = await gwhttpImport(dir, ['curl', 'nothing.sh']);
    assert.equal(none.code, 2);
    assert.match(none.stderr, /No curl command with a URL found/);
  });
  it('postman: writes a file per folder and gwhttp.env.json beside the input, then refuses to overwrite without --force', async () => {
    const first = await gwhttpImport(dir, [
      'postman',
      'groups-api.postman_collection.json',
      '--env',
      'groups-api-sandbox.postman_environment.json',
    ]);
    assert.equal(first.code, 0, first.stderr);
    assert.match(
      first.stdout,
      /wrote authentication\.gwhttp \(2 requests\)\nwrote balance-groups-api\.gwhttp \(9 requests\)\nwrote gwhttp\.env\.json/,
    );
    assert.match(first.stderr, /Its scripts are not run/);
    fs.writeFileSync(path.join(dir, 'authentication.gwhttp'), 'mine\n');
    fs.writeFileSync(path.join(dir, 'gwhttp.env.json'), '{"local": {"host": "http://127.0.0.1"}}\n');
    const again = await gwhttpImport(dir, [
      'postman',
      'groups-api.postman_collection.json',
      '--env',
      'groups-api-sandbox.postman_environment.json',
    ]);
    assert.equal(again.code, 2);
    assert.match(
      again.stderr,
      /not written: authentication\.gwhttp, balance-groups-api\.gwhttp, gwhttp\.env\.json already there/,
    );
    assert.equal(read('authentication.gwhttp'), 'mine\n', 'nothing was touched');
    const forced = await gwhttpImport(dir, [
      'postman',
      'groups-api.postman_collection.json',
      '--env',
      'groups-api-sandbox.postman_environment.json',
      '--force',
    ]);
    assert.equal(forced.code, 0, forced.stderr);
    assert.match(forced.stdout, /replaced authentication\.gwhttp/);
    const env = JSON.parse(read('gwhttp.env.json')) as Record<string, Record<string, string>>;
    assert.deepEqual(env.local, { host: 'http://127.0.0.1' }, 'the environments already there are kept');
    assert.equal(env['groups-api-sandbox-empty'].host, 'https://api.sandbox.transferwise.tech');
  });
  it('postman: a collection of another version is a clear message and writes nothing', async () => {
    fs.writeFileSync(
      path.join(dir, 'old.json'),
      JSON.stringify({
        info: { name: 'x', schema: 'https://schema.getpostman.com/json/collection/v2.0.0/collection.json' },
        item: [],
      }),
    );
    const out = await gwhttpImport(dir, ['postman', 'old.json']);
    assert.equal(out.code, 2);
    assert.match(
      out.stderr,
      /old\.json is a Postman Collection v2\.0\.0 file; gwhttp imports v2\.1\n {2}hint: In Postman: Export the collection as "Collection v2\.1"/,
    );
    assert.deepEqual(
      fs.readdirSync(dir).filter((f) => f.endsWith('.gwhttp')),
      [],
    );
  });
  it('openapi: --out FILE and --json', async () => {
    const out = await gwhttpImport(dir, ['openapi', 'petstore.yaml', '--out', 'api/pets.gwhttp', '--json']);
    assert.equal(out.code, 0, out.stderr);
    const report = JSON.parse(out.stdout) as { files: { path: string; requests: number }[] };
    assert.deepEqual(
      report.files.map((f) => [path.relative(dir, f.path), f.requests]),
      [
        ['api/pets.gwhttp', 3],
        ['api/gwhttp.env.json', 0],
      ],
    );
    assert.match(read('api/pets.gwhttp'), /^GET \{\{baseUrl\}\}\/pets\/\{\{petId\}\}$/m);
  });
  it('usage errors: a kind, one input, --env only for postman', async () => {
    for (const args of [
      ['soap', 'x'],
      ['curl'],
      ['openapi', 'petstore.yaml', '--env', 'e.json'],
      ['openapi', 'missing.yaml'],
    ]) {
      const out = await gwhttpImport(dir, args);
      assert.equal(out.code, 2, args.join(' '));
      assert.match(out.stderr, /^gwhttp: /);
    }
  });
  it('the built CLI runs import from its own bundle, which gwhttp send does not load', async function () {
    this.timeout(30000);
    const root = path.resolve(__dirname, '../../..');
    const cli = path.join(root, 'dist', 'cli.js');
    if (!fs.existsSync(path.join(root, 'dist', 'cli', 'import.js'))) throw new Error('run npm run build first');
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [cli, 'import', 'curl', 'curl -d a=1 http://x.test/c'],
      { cwd: dir },
    );
    assert.equal(stdout, '###\nPOST http://x.test/c\nContent-Type: application/x-www-form-urlencoded\n\na=1\n');
    for (const bundle of ['cli.js', 'cli/send.js', 'extension.js']) {
      const text = fs.readFileSync(path.join(root, 'dist', bundle), 'utf8');
      assert.doesNotMatch(text, /json-schema-ref-parser|shell-quote|LineCounter/, `${bundle} holds no import library`);
    }
  });
});
