import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Writable } from 'node:stream';
import { pathToFileURL } from 'node:url';

import { chromium } from 'playwright-core';

import { runSend } from '../../../src/cli/commands/sendCommand';
import { demoKeyPairId, demoKeyPairSecret } from '../../../src/cli/mockGateway/mockKeys';
import { type MockGateway, startMockGateway } from '../../../src/cli/mockGateway/startMockGateway';
import { systemClock } from '../../../src/core/ports';
import { secretEnvVarName } from '../../../src/core/secrets/secretEnvVarName';
import { type Loopback, startLoopback, tempDir } from '../http/loopback';

class Capture extends Writable {
  text = '';
  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: () => void): void {
    this.text += chunk.toString();
    callback();
  }
}

async function send(dir: string, args: string[]) {
  const stdout = new Capture();
  const stderr = new Capture();
  const env = { [secretEnvVarName(demoKeyPairId)]: demoKeyPairSecret };
  const code = await runSend(args, { stdout, stderr, env, cwd: dir, clock: systemClock });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

/** A response body that would run script or load a remote resource if a report rendered it as markup. */
const hostile = `<script>document.title='owned'</script><img src="http://127.0.0.2:9/x.png"><b>bold</b>`;

describe('gwhttp send --report', function () {
  this.timeout(60_000);
  let dir: string;
  let gateway: MockGateway | undefined;
  let server: Loopback | undefined;

  beforeEach(async () => {
    dir = tempDir();
    gateway = await startMockGateway({ port: 0 });
    server = await startLoopback((request, response) => {
      response.setHeader('Content-Type', 'application/json');
      response.statusCode = request.url === '/broken' ? 500 : 200;
      response.end(JSON.stringify({ id: 7, note: hostile }));
    });
    fs.writeFileSync(
      path.join(dir, 'api.gwhttp'),
      [
        '### signed',
        '# @name order',
        `# @sign tencent-keypair id=${demoKeyPairId}`,
        `GET ${gateway.url}/release/orders`,
        '',
        '### checked',
        `GET ${server.url}/one`,
        '?? status == 200',
        '?? body $.note == plain',
        '',
        '### broken',
        `GET ${server.url}/broken`,
        '',
      ].join('\n'),
    );
  });
  afterEach(async () => {
    await gateway?.close();
    await server?.close();
    gateway = server = undefined;
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('writes a self-contained HTML page that shows the run and runs nothing, loads nothing', async () => {
    const run = await send(dir, ['api.gwhttp', '--all', '--report', 'html=out/run.html']);
    assert.equal(run.code, 1);
    assert.match(run.stdout, /#2 GET http:\/\/127\.0\.0\.1:\d+\/broken/, 'the human output is still printed');
    const file = path.join(dir, 'out', 'run.html');
    const html = fs.readFileSync(file, 'utf8');
    assert.doesNotMatch(html, /<script/i, 'no script element');
    assert.doesNotMatch(html, /<img/i, 'no markup from the response');
    assert.match(html, /&#60;script&#62;/, 'the response text is escaped');

    const browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
    });
    try {
      const page = await browser.newPage();
      const requested: string[] = [];
      page.on('request', (request) => requested.push(request.url()));
      await page.goto(pathToFileURL(file).href);
      assert.deepEqual(requested, [pathToFileURL(file).href], 'the page loads nothing but itself');
      assert.equal(await page.locator('script').count(), 0);
      assert.equal(await page.title(), 'gwhttp run: 1 passed, 2 failed');
      const heading = await page.locator('h1').textContent();
      assert.equal(heading, 'gwhttp run: 3 requests, 1 passed, 2 failed');
      const rows = page.locator('tbody tr:not(.details)');
      assert.equal(await rows.count(), 3);
      const signed = (await rows.nth(0).textContent()) ?? '';
      assert.match(signed, /✔#0 order GET http:\/\/127\.0\.0\.1:\d+\/release\/orders/);
      assert.match(signed, /200 OK/);
      assert.match(signed, /quota \d+\/\d+ used/, 'the quota line of the signed request');
      assert.match((await rows.nth(1).textContent()) ?? '', /✘.*\/one.*1\/2/);
      const why = page.locator('details[open]');
      assert.equal(await why.count(), 2, 'both failures are expanded');
      const failedAssertion = (await why.nth(0).textContent()) ?? '';
      assert.match(failedAssertion, /line 9: \?\? body \$\.note == plain/);
      assert.ok(
        failedAssertion.includes("<script>document.title='owned'</script>"),
        'the hostile text is shown as text',
      );
      assert.match((await why.nth(1).textContent()) ?? '', /500/);
    } finally {
      await browser.close();
    }
  });

  it('prints TAP instead of the human output with --report tap, and writes it with tap=FILE', async () => {
    const run = await send(dir, ['api.gwhttp', '--all', '--report', 'tap']);
    assert.equal(run.code, 1);
    const lines = run.stdout.split('\n');
    assert.deepEqual(lines.slice(0, 2), ['TAP version 14', '1..3']);
    assert.match(lines[2], /^ok 1 - \\#0 order GET http:\/\/127\.0\.0\.1:\d+\/release\/orders \(api\.gwhttp:4\)$/);
    assert.match(lines[3], /^not ok 2 - \\#1 GET .*\/one \(api\.gwhttp:7\)$/);
    const block = run.stdout.slice(run.stdout.indexOf('  ---'), run.stdout.indexOf('  ...'));
    assert.match(block, /file: "api\.gwhttp"\n {2}line: 7\n {2}status: 200\n/);
    assert.match(block, /- line: 9\n {6}assertion: "body \$\.note == plain"\n/);
    assert.equal((run.stdout.match(/^not ok/gm) ?? []).length, 2);
    assert.doesNotMatch(run.stdout, /^quota|^=== /m, 'no human output mixed in');

    const toFile = await send(dir, ['api.gwhttp', '--all', '--report', 'tap=run.tap', '--report', 'json=run.json']);
    assert.equal(fs.readFileSync(path.join(dir, 'run.tap'), 'utf8').split('\n')[1], '1..3');
    const json = JSON.parse(fs.readFileSync(path.join(dir, 'run.json'), 'utf8')) as {
      results: { file: string; index: number }[];
    };
    assert.deepEqual(
      json.results.map((result) => [result.file, result.index]),
      [
        ['api.gwhttp', 0],
        ['api.gwhttp', 1],
        ['api.gwhttp', 2],
      ],
    );
    assert.match(toFile.stdout, /^#0 order GET/, 'reports in files leave the human output on stdout');
  });

  it('refuses unknown reports, a report without its file and two reports on stdout, before sending', async () => {
    for (const [args, message] of [
      [['--report', 'pdf=x.pdf'], /unknown report "pdf"/],
      [['--report', 'html'], /--report html needs a file/],
      [['--report', 'tap', '--json'], /--report tap writes to standard output, and so does --json/],
    ] as const) {
      const run = await send(dir, ['api.gwhttp', '--all', ...args]);
      assert.equal(run.code, 2, args.join(' '));
      assert.match(run.stderr, message);
      assert.equal(run.stdout, '');
    }
    assert.equal(server?.received.length, 0, 'nothing was sent');
  });

  it('masks the secrets of the run in every report, though the server echoes one', async () => {
    const dotenvSecret = 'dotenv-secret-for-the-report-test';
    const keyId = 'AKIDreportEcho00000000000000000001';
    fs.writeFileSync(path.join(dir, '.env'), `${secretEnvVarName(keyId)}=${dotenvSecret}\n`);
    const echo = await startLoopback((_request, response) => {
      response.setHeader('X-Debug', dotenvSecret);
      response.setHeader('Content-Type', 'application/json');
      response.end(JSON.stringify({ debug: `${dotenvSecret} and ${demoKeyPairSecret}` }));
    });
    try {
      fs.writeFileSync(
        path.join(dir, 'echo.gwhttp'),
        [
          `# @sign tencent-keypair id=${keyId}`,
          `GET ${echo.url}/debug`,
          '?? body $.debug == nothing',
          `?? header x-debug == ${'x'}`,
          '',
        ].join('\n'),
      );
      const run = await send(dir, [
        'echo.gwhttp',
        '--report',
        'html=r/run.html',
        '--report',
        'json=r/run.json',
        '--report',
        'tap=r/run.tap',
        '--junit',
        'r/junit.xml',
      ]);
      assert.equal(run.code, 1);
      for (const name of ['run.html', 'run.json', 'run.tap', 'junit.xml']) {
        const text = fs.readFileSync(path.join(dir, 'r', name), 'utf8');
        assert.ok(!text.includes(dotenvSecret), `${name} holds the .env secret`);
        assert.ok(!text.includes(demoKeyPairSecret), `${name} holds the environment's secret`);
        assert.match(text, /\*{8}/, `${name} shows the mask`);
      }
    } finally {
      await echo.close();
    }
  });

  it('prints the whole run and then says which report could not be written', async () => {
    const run = await send(dir, ['api.gwhttp', '--all', '--report', 'html=api.gwhttp/run.html']);
    assert.equal(run.code, 2);
    assert.equal((run.stdout.match(/^#\d /gm) ?? []).length, 3, 'every result printed');
    assert.match(run.stderr, /^gwhttp: Cannot write the HTML report to api\.gwhttp\/run\.html: /);
    assert.match(run.stderr, /hint: The requests were sent and their results printed/);
  });
});
