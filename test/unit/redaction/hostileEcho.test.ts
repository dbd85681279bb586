/**
 * A hostile (or merely debugging) server on 127.0.0.1 that echoes every secret of the run back: in the
 * body (as it is, URL-encoded, JSON-escaped, inside a Basic credential), in a response header, in a
 * Set-Cookie, in a redirect Location and in the status line's reason phrase. None of gwhttp's outputs may hold any of them.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Writable } from 'node:stream';

import { runSend } from '../../../src/cli/commands/sendCommand';
import { runSign } from '../../../src/cli/commands/signCommand';
import { buildVariableContext } from '../../../src/cli/shared/buildVariableContext';
import type { CommandIo } from '../../../src/cli/shared/commandIo';
import { nodeFileReader } from '../../../src/cli/shared/nodeFileReader';
import { createHttpClient } from '../../../src/core/http/httpClient';
import { parseDocument } from '../../../src/core/parser/parseDocument';
import { systemClock } from '../../../src/core/ports';
import { buildResponseViewModel } from '../../../src/core/presentation/buildResponseViewModel';
import { earlierExchanges } from '../../../src/core/presentation/earlierExchanges';
import { toCurl } from '../../../src/core/presentation/toCurl';
import { loadFileSecrets, runRedactor, secretMask } from '../../../src/core/redaction';
import { runRequests } from '../../../src/core/run/runRequests';
import type { RunResult } from '../../../src/core/run/runTypes';
import { dotenvSecretSource } from '../../../src/core/secrets/dotenvSecretSource';
import { environmentSecretSource } from '../../../src/core/secrets/environmentSecretSource';
import { type Loopback, startLoopback, tempDir } from '../http/loopback';

const keyId = 'AKIDhostileEcho00000000000000000001';
/** The signing secret, from `.env`. */
const signingSecret = 'dotenv-signing/secret+1="q"';
/** From the process environment (`GWHTTP_SECRET_API`), sent in `X-Api-Key`. */
const envSecret = 'env-api/key+2';
/** From `gwhttp.env.private.json`, sent in the query and in `X-Partner`. */
const privateSecret = 'private-partner/3+x';
/** A `.env` password no request uses: it came from a secret source, so it is masked too. */
const unusedSecret = 'dotenv-password "4"';
const secrets = [signingSecret, envSecret, privateSecret, unusedSecret];

/** Every form in which the server sends a secret back. */
function echoedForms(secret: string): string[] {
  return [
    secret,
    encodeURIComponent(secret),
    JSON.stringify(secret).slice(1, -1),
    Buffer.from(`user:${secret}`).toString('base64'),
  ];
}

/** What `text` gives away: each echoed form of a secret it holds, and a missing mask. */
function leaks(name: string, text: string): string[] {
  const found = secrets.flatMap((secret) => echoedForms(secret).filter((form) => text.includes(form)));
  return [
    ...found.map((form) => `${name} holds ${JSON.stringify(form)}`),
    ...(text.includes(secretMask) ? [] : [`${name} shows no mask`]),
  ];
}

class Capture extends Writable {
  text = '';
  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: () => void): void {
    this.text += chunk.toString();
    callback();
  }
}

function io(dir: string): CommandIo & { stdout: Capture; stderr: Capture } {
  const env = { GWHTTP_SECRET_API: envSecret };
  return { stdout: new Capture(), stderr: new Capture(), env, cwd: dir, clock: systemClock };
}

describe('hostile echo: no output holds a secret of the run', function () {
  this.timeout(60_000);
  let dir: string;
  let server: Loopback;

  before(async () => {
    server = await startLoopback((request, response) => {
      response.setHeader('X-Debug-Echo', secrets.join(' | '));
      response.setHeader(
        'Set-Cookie',
        secrets.map((secret, n) => `s${n}=${encodeURIComponent(secret)}; Path=/`),
      );
      if (request.url?.startsWith('/start')) {
        response.statusCode = 302;
        response.setHeader('Location', `/final?t=${secrets.map(encodeURIComponent).join(',')}`);
        response.end();
        return;
      }
      response.statusMessage = `Echo ${secrets.join(' ')}`;
      response.setHeader('Content-Type', 'application/json');
      response.end(
        JSON.stringify({
          raw: secrets,
          urlEncoded: secrets.map(encodeURIComponent),
          basic: secrets.map((secret) => `Basic ${Buffer.from(`user:${secret}`).toString('base64')}`),
        }),
      );
    });
    dir = tempDir();
    fs.mkdirSync(path.join(dir, '.git'));
    const write = (name: string, text: string) => fs.writeFileSync(path.join(dir, name), text);
    write('.env', `GWHTTP_SECRET_${keyId}='${signingSecret}'\nPASSWORD='${unusedSecret}'\n`);
    write('gwhttp.env.json', JSON.stringify({ dev: { base: server.url } }));
    write('gwhttp.env.private.json', JSON.stringify({ dev: { partner: privateSecret } }));
    write(
      'echo.gwhttp',
      [
        `# @sign tencent-keypair id=${keyId}`,
        'GET {{base}}/start?partner={{partner}}',
        'X-Partner: {{partner}}',
        'X-Api-Key: {{$processEnv GWHTTP_SECRET_API}}',
        '?? body $.raw == nothing',
        '',
      ].join('\n'),
    );
  });
  after(async () => {
    await server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('gwhttp send: the human output (verbose), --json, JUnit and the html, tap and json reports', async () => {
    const human = io(dir);
    assert.equal(await runSend(['echo.gwhttp', '--env', 'dev', '-v'], human), 1, human.stderr.text);
    assert.match(human.stdout.text, /redirected 302 → /, 'the redirect was followed');
    const found = leaks('the human output', human.stdout.text + human.stderr.text);

    const json = io(dir);
    await runSend(['echo.gwhttp', '--env', 'dev', '--json'], json);
    assert.equal((JSON.parse(json.stdout.text) as { results: unknown[] }).results.length, 1);
    found.push(...leaks('--json', json.stdout.text + json.stderr.text));

    const reports = io(dir);
    const reportArgs = ['--report', 'html=r/run.html', '--report', 'tap=r/run.tap', '--report', 'json=r/run.json'];
    await runSend(['echo.gwhttp', '--env', 'dev', '--junit', 'r/junit.xml', ...reportArgs], reports);
    for (const name of ['junit.xml', 'run.html', 'run.tap', 'run.json']) {
      found.push(...leaks(name, fs.readFileSync(path.join(dir, 'r', name), 'utf8')));
    }
    assert.deepEqual(found, []);
  });

  it('the panel view model (and so the history) and Copy as cURL', async () => {
    const file = path.join(dir, 'echo.gwhttp');
    const env = { GWHTTP_SECRET_API: envSecret };
    const variables = buildVariableContext({
      requestFile: file,
      environmentName: 'dev',
      vars: [],
      processEnv: env,
      clock: systemClock,
      fileReader: nodeFileReader,
      cwd: dir,
    });
    const redactor = runRedactor(env);
    redactor.addAll(await loadFileSecrets(variables));
    const client = createHttpClient();
    const results: RunResult[] = [];
    try {
      const document = parseDocument(fs.readFileSync(file, 'utf8'));
      const run = runRequests(document, [0], {
        file: 'echo.gwhttp',
        variables,
        secretSources: [environmentSecretSource(env), dotenvSecretSource(file, dir, nodeFileReader)].map((source) =>
          redactor.watch(source),
        ),
        redactor,
        clock: systemClock,
        client,
        env: {},
        timeoutMs: 10_000,
        insecure: false,
        followRedirects: true,
      });
      for await (const result of run) results.push(result);
    } finally {
      await client.close();
    }
    const [result] = results;
    assert.ok(result.response && result.request, result.error?.message);
    const model = buildResponseViewModel({
      id: 1,
      title: 'echo',
      source: 'echo.gwhttp:2',
      environment: 'dev',
      sentAt: result.sentAt ?? new Date(),
      request: result.request,
      signing: result.signing,
      response: result.response,
      throttle: result.throttle,
      explanation: result.explanation,
      warnings: result.warnings,
      assertions: result.assertions,
      earlier: earlierExchanges(result),
      redactor,
    });
    const curl = toCurl(result.request, { redactor, signedAt: result.sentAt });
    assert.deepEqual(
      [...leaks('the panel view model', JSON.stringify(model)), ...leaks('Copy as cURL', curl.command + curl.note)],
      [],
    );
  });

  it('gwhttp sign: the request it prints, the signing string, and --json', async () => {
    const text = io(dir);
    assert.equal(await runSign(['echo.gwhttp', '--env', 'dev'], text), 0, text.stderr.text);
    const json = io(dir);
    assert.equal(await runSign(['echo.gwhttp', '--env', 'dev', '--json'], json), 0, json.stderr.text);
    assert.deepEqual(
      [
        ...leaks('gwhttp sign', text.stdout.text + text.stderr.text),
        ...leaks('gwhttp sign --json', json.stdout.text + json.stderr.text),
      ],
      [],
    );
  });
});
