/**
 * The CLI on every file kind: `.gwhttp`, `.http`, `.rest` and Markdown (`.md`) files given by name,
 * folders (request files below them; Markdown only with --markdown), and `file`/`line` in --json and
 * JUnit pointing at the line of the Markdown file.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Writable } from 'node:stream';

import { runCheck } from '../../../src/cli/commands/checkCommand';
import { runParse } from '../../../src/cli/commands/parseCommand';
import { runSend } from '../../../src/cli/commands/sendCommand';
import { runSign } from '../../../src/cli/commands/signCommand';
import type { CommandIo } from '../../../src/cli/shared/commandIo';
import { secretEnvVarName } from '../../../src/core/secrets/secretEnvVarName';
import { type Loopback, startLoopback, tempDir } from '../http/loopback';

class Capture extends Writable {
  text = '';
  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: () => void): void {
    this.text += chunk.toString();
    callback();
  }
}

type Runner = (args: string[], io: CommandIo) => Promise<number>;

async function run(runner: Runner, cwd: string, args: string[], env: Record<string, string> = {}) {
  const stdout = new Capture();
  const stderr = new Capture();
  const now = new Date('2026-11-23T10:00:00Z');
  const code = await runner(args, { stdout, stderr, env, cwd, clock: { now: () => now } });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

/** `runParse` writes to the process streams and resolves paths against the process's folder. */
async function parseIn(cwd: string, args: string[]) {
  const out: string[] = [];
  const { write } = process.stdout;
  const before = process.cwd();
  process.stdout.write = ((chunk: string | Uint8Array) => out.push(String(chunk)) > 0) as typeof process.stdout.write;
  try {
    process.chdir(cwd);
    return { code: await runParse(args), stdout: out.join('') };
  } finally {
    process.chdir(before);
    process.stdout.write = write;
  }
}

const markdownFor = (url: string) =>
  [
    '# Orders', // 1
    '',
    'Create one:',
    '',
    '```http', // 5
    `POST ${url}/md/orders`, // 6
    'Content-Type: application/json',
    '',
    '{"qty": 2}',
    '```',
    '',
    '## Sample call', // 12
    '#### Address', // 13
    `<pre><code>${url}/md/sample`,
    '</code></pre>',
    '',
    '#### Method',
    '<pre><code>GET',
    '</code></pre>',
    '',
    '## Response',
  ].join('\n');

describe('gwhttp on .http, .rest and .md files and folders', () => {
  let dir: string;
  let server: Loopback | undefined;
  beforeEach(() => {
    dir = tempDir();
    fs.mkdirSync(path.join(dir, '.git'));
  });
  afterEach(async () => {
    await server?.close();
    server = undefined;
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const write = (name: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  };
  const writeAll = (url: string) => {
    write('api/a.gwhttp', `GET ${url}/gwhttp\n`);
    write('api/b.http', `### one\nGET ${url}/http\n`);
    write('api/nested/c.rest', `GET ${url}/rest\n`);
    write('api/README.md', markdownFor(url));
    write('api/notes.txt', `GET ${url}/never\n`);
  };

  it('parse: a folder is its .gwhttp, .http and .rest files; --markdown adds .md; lines are the file’s', async () => {
    writeAll('http://127.0.0.1:9');
    const plain = await parseIn(dir, ['api', '--json']);
    assert.equal(plain.code, 0);
    const files = (JSON.parse(plain.stdout) as { files: { file: string }[] }).files.map((f) => f.file);
    assert.deepEqual(files, ['api/a.gwhttp', 'api/b.http', 'api/nested/c.rest']);
    const withMarkdown = await parseIn(dir, ['api', '--markdown']);
    assert.equal(withMarkdown.code, 0);
    assert.match(
      withMarkdown.stdout,
      /^api\/README\.md: 2 requests\n {2}6: POST http:\/\/127\.0\.0\.1:9\/md\/orders\n {2}13: GET /m,
    );
    const named = await parseIn(dir, [path.join('api', 'README.md')]);
    assert.match(named.stdout, /README\.md: 2 requests/);
  });

  it('check: an unterminated fence in Markdown is a warning naming file and line; --strict fails on it', async () => {
    write('doc.md', 'Intro\n\n```rest\nGET http://127.0.0.1:9/x\n');
    const result = await run(runCheck, dir, ['doc.md']);
    assert.equal(result.code, 0);
    assert.match(result.stdout, /doc\.md:3: warning: This ```rest block has no closing ``` line/);
    assert.equal((await run(runCheck, dir, ['doc.md', '--strict'])).code, 1);
    const folder = await run(runCheck, dir, ['.', '--json']);
    assert.equal(folder.code, 2, 'a folder without --markdown holds no request file here');
    assert.match(folder.stderr, /No request files \(\.gwhttp, \.http, \.rest\) in \./);
    assert.match(folder.stderr, /--markdown/);
    const json = JSON.parse((await run(runCheck, dir, ['.', '--markdown', '--json'])).stdout) as {
      files: { file: string; requests: number; diagnostics: { line: number; code: string }[] }[];
    };
    assert.deepEqual(
      json.files.map((f) => [f.file, f.requests, f.diagnostics.map((d) => [d.line, d.code])]),
      [['doc.md', 1, [[3, 'unterminated-fence']]]],
    );
  });

  it('sign: the seed page saved as .md signs its sample call', async () => {
    fs.copyFileSync(path.join(__dirname, '../../fixtures/markdown/seed-keypair-doc.md'), path.join(dir, 'seed.md'));
    const env = { [secretEnvVarName('AKIDCgXXXXXXXX48pN')]: 'not-a-real-secret-0123456789' };
    const result = await run(runSign, dir, ['seed.md', '--json'], env);
    assert.equal(result.code, 0, result.stderr);
    const signed = JSON.parse(result.stdout) as { method: string; headers: { name: string; value: string }[] };
    assert.equal(signed.method, 'POST');
    const authorization = signed.headers.find((h) => h.name === 'Authorization')?.value ?? '';
    assert.match(authorization, /^hmac id="AKIDCgXXXXXXXX48pN"/);
    assert.doesNotMatch(authorization, /630123456789da9c/);
  });

  it('send: a folder with --markdown sends every kind; --json and JUnit name the file and the line', async () => {
    server = await startLoopback((_request, response) => response.end('{}'));
    writeAll(server.url);
    const sent = await run(runSend, dir, ['api', '--markdown', '--json', '--junit', 'junit.xml']);
    assert.equal(sent.code, 0, sent.stderr);
    assert.deepEqual(
      server.received.map((r) => `${r.method} ${r.url}`),
      ['GET /gwhttp', 'GET /http', 'GET /rest', 'POST /md/orders', 'GET /md/sample'],
    );
    const { results } = JSON.parse(sent.stdout) as { results: { file: string; line: number }[] };
    assert.deepEqual(
      results.map((r) => `${r.file}:${r.line}`),
      ['api/a.gwhttp:1', 'api/b.http:2', 'api/nested/c.rest:1', 'api/README.md:6', 'api/README.md:13'],
    );
    const xml = fs.readFileSync(path.join(dir, 'junit.xml'), 'utf8');
    assert.match(xml, /<testsuite name="api\/README\.md" tests="2" failures="0" /);
    assert.match(xml, /classname="api\/README\.md:6"/);
    assert.match(xml, /classname="api\/README\.md:13"/);
    assert.match(xml, /classname="api\/b\.http:2"/);
  });

  it('send: a folder without --markdown leaves the .md files alone', async () => {
    server = await startLoopback((_request, response) => response.end('{}'));
    writeAll(server.url);
    const sent = await run(runSend, dir, ['api']);
    assert.equal(sent.code, 0, sent.stderr);
    assert.deepEqual(
      server.received.map((r) => r.url),
      ['/gwhttp', '/http', '/rest'],
    );
  });
});
