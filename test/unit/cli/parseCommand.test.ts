/**
 * `gwhttp parse FILE... [--json]` on real files in a temp folder: the human summary, the exact
 * `--json` shape, and the exit codes (0 clean, 1 an error diagnostic, 2 usage or unreadable file).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { runParse } from '../../../src/cli/commands/parseCommand';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the command in-process, collecting what it writes to stdout and stderr. */
async function parseCli(args: string[]): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const { write: writeOut } = process.stdout;
  const { write: writeErr } = process.stderr;
  process.stdout.write = ((chunk: string | Uint8Array) => out.push(String(chunk)) > 0) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string | Uint8Array) => err.push(String(chunk)) > 0) as typeof process.stderr.write;
  try {
    const code = await runParse(args);
    return { code, stdout: out.join(''), stderr: err.join('') };
  } finally {
    process.stdout.write = writeOut;
    process.stderr.write = writeErr;
  }
}

const orderFile = [
  '### Create an order',
  '@host = example.com',
  '# @sign tencent-keypair id=AKIDEXAMPLE',
  'POST https://{{host}}/release/orders',
  'Content-Type: application/json',
  '',
  '{"sku": "A-1"}',
  '',
  '###',
  '# @name listOrders',
  'GET https://{{host}}/release/orders',
  '',
].join('\n');

describe('gwhttp parse', () => {
  let dir: string;
  const file = (name: string, text: string): string => {
    const full = path.join(dir, name);
    fs.writeFileSync(full, text);
    return full;
  };

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gwhttp-'));
  });
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('prints one line per request and exits 0 for a clean file', async () => {
    const orders = file('orders.gwhttp', orderFile);
    const run = await parseCli([orders]);
    assert.equal(run.code, 0);
    assert.equal(run.stderr, '');
    assert.equal(
      run.stdout,
      [
        `${orders}: 2 requests`,
        '  4: POST https://{{host}}/release/orders  "Create an order"',
        '  11: GET https://{{host}}/release/orders  listOrders',
        '',
      ].join('\n'),
    );
  });

  it('prints diagnostics as file:line: severity: message and exits 1 on an error', async () => {
    const bad = file(
      'bad.gwhttp',
      'GET https://example.com/a\nAccept json\n\n###\n# @bogus\nGET https://example.com/b\n',
    );
    const run = await parseCli([bad]);
    assert.equal(run.code, 1);
    const lines = run.stdout.trimEnd().split('\n');
    assert.equal(lines[0], `${bad}: 2 requests`);
    assert.match(
      lines[3],
      new RegExp(
        `^${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:2: error: 'Accept json' is not a header: write it as 'Name: value'`,
      ),
    );
    assert.match(lines[4], /:5: hint: gwhttp does not know the directive '@bogus'/);
  });

  it('exits 0 when a file has only warnings', async () => {
    const run = await parseCli([file('warn.gwhttp', '# @bogus\nGET https://example.com/\n')]);
    assert.equal(run.code, 0);
    assert.match(run.stdout, /hint: gwhttp does not know the directive/);
  });

  it('prints exactly the documented --json shape', async () => {
    const orders = file('orders.gwhttp', orderFile);
    const run = await parseCli([orders, '--json']);
    assert.equal(run.code, 0);
    const json = JSON.parse(run.stdout) as { files: Record<string, unknown>[] };
    assert.deepEqual(Object.keys(json), ['files']);
    assert.equal(json.files.length, 1);
    const [entry] = json.files as {
      file: string;
      requests: Record<string, unknown>[];
      variables: unknown[];
      diagnostics: unknown[];
    }[];
    assert.equal(entry.file, orders);
    assert.deepEqual(entry.variables, [{ name: 'host', value: 'example.com', line: 2 }]);
    assert.deepEqual(entry.diagnostics, []);
    const pick = (request: Record<string, unknown>): Record<string, unknown> =>
      Object.fromEntries(
        ['index', 'name', 'title', 'line', 'endLine', 'method', 'url', 'headers', 'body', 'form', 'directives'].map(
          (k) => [k, request[k]],
        ),
      );
    assert.deepEqual(entry.requests.map(pick), [
      {
        index: 0,
        name: null,
        title: 'Create an order',
        line: 4,
        endLine: 7,
        method: 'POST',
        url: 'https://{{host}}/release/orders',
        headers: [{ name: 'Content-Type', value: 'application/json', line: 5 }],
        body: '{"sku": "A-1"}',
        form: 'line',
        directives: [{ name: 'sign', key: 'sign', value: 'tencent-keypair id=AKIDEXAMPLE', line: 3 }],
      },
      {
        index: 1,
        name: 'listOrders',
        title: null,
        line: 11,
        endLine: 11,
        method: 'GET',
        url: 'https://{{host}}/release/orders',
        headers: [],
        body: null,
        form: 'line',
        directives: [{ name: 'name', key: 'name', value: 'listOrders', line: 10 }],
      },
    ]);
  });

  it('puts each file in --json, in order, with its diagnostics, and exits 1 if any has an error', async () => {
    const clean = file('a.gwhttp', 'GET https://example.com/a\n');
    const broken = file('b.gwhttp', 'GET https://{{host/b\n');
    const run = await parseCli(['--json', clean, broken]);
    assert.equal(run.code, 1);
    const json = JSON.parse(run.stdout) as {
      files: { file: string; diagnostics: { line: number; severity: string; message: string }[] }[];
    };
    assert.deepEqual(
      json.files.map((f) => f.file),
      [clean, broken],
    );
    assert.deepEqual(
      json.files[1].diagnostics.map((d) => [d.line, d.severity]),
      [[1, 'error']],
    );
    assert.match(json.files[1].diagnostics[0].message, /Unterminated '\{\{'/);
  });

  it('exits 2 with one stderr line naming a missing or unreadable file', async () => {
    const missing = path.join(dir, 'missing.gwhttp');
    const run = await parseCli([file('ok.gwhttp', 'GET https://example.com/\n'), missing]);
    assert.equal(run.code, 2);
    assert.equal(run.stdout, '');
    assert.equal(run.stderr, `gwhttp parse: cannot read '${missing}': no such file\n`);
    const empty = path.join(dir, 'empty');
    fs.mkdirSync(empty);
    const folder = await parseCli([empty]);
    assert.equal(folder.code, 2);
    assert.match(folder.stderr, /^gwhttp parse: No request files \(\.gwhttp, \.http, \.rest\) in .*empty\.\n/);
  });

  it('exits 2 on usage errors', async () => {
    const none = await parseCli([]);
    assert.equal(none.code, 2);
    assert.match(none.stderr, /no file given[\s\S]*Usage: gwhttp parse FILE\|FOLDER\.\.\. \[--markdown\] \[--json\]/);
    const unknown = await parseCli(['--bogus', 'x.gwhttp']);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /--bogus/);
  });

  it('runs as the real CLI process with the same output and exit code', () => {
    const orders = file('orders.gwhttp', orderFile);
    const broken = file('broken.gwhttp', 'GET https://example.com/\nno colon\n');
    const root = path.resolve(__dirname, '../../..');
    const cli = (args: string[]) =>
      spawnSync(process.execPath, ['-r', 'tsx/cjs', path.join(root, 'src/cli/main.ts'), 'parse', ...args], {
        cwd: root,
        encoding: 'utf8',
      });
    const ok = cli([orders, '--json']);
    assert.equal(ok.status, 0, ok.stderr);
    assert.equal((JSON.parse(ok.stdout) as { files: { requests: unknown[] }[] }).files[0].requests.length, 2);
    const bad = cli([broken]);
    assert.equal(bad.status, 1);
    assert.match(bad.stdout, /:2: error: 'no colon' is not a header/);
    const missing = cli([path.join(dir, 'nope.gwhttp')]);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /cannot read '.*nope\.gwhttp': no such file/);
  });
});
