// Send, Preview Signature, Copy as cURL and `gwhttp sign` sign through one core step (prepareAndSign):
// for the same file, environment, .env secret, clock and nonce they produce the same request.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Writable } from 'node:stream';

import { runSign } from '../../../src/cli/commands/signCommand';
import { buildVariableContext } from '../../../src/cli/shared/buildVariableContext';
import { nodeFileReader } from '../../../src/cli/shared/nodeFileReader';
import { createHttpClient } from '../../../src/core/http/httpClient';
import type { OutgoingRequest } from '../../../src/core/model/outgoing';
import { parseDocument } from '../../../src/core/parser/parseDocument';
import type { Clock, SecretSource } from '../../../src/core/ports';
import { toCurl } from '../../../src/core/presentation/toCurl';
import { Redactor } from '../../../src/core/redaction';
import { prepareAndSign, previewPlaceholderSecret } from '../../../src/core/run/prepareAndSign';
import { runRequests } from '../../../src/core/run/runRequests';
import { secretEnvVarName } from '../../../src/core/secrets/secretEnvVarName';
import { secretSourcesFor } from '../../../src/core/secrets/secretSourcesFor';
import { startLoopback, tempDir } from '../http/loopback';

const secret = 'Qm9vcDEyMzQ1Njc4OTAxMjM0NTY3ODkw';
const date = 'Mon, 23 Nov 2026 10:00:00 GMT';
const clock: Clock = { now: () => new Date(date) };
const nonce = 'fixed-nonce-4711';

interface Shape {
  method: string;
  url: string;
  headers: { name: string; value: string }[];
  body: string | null;
}

function shape(request: OutgoingRequest): Shape {
  return {
    method: request.method,
    url: request.url,
    headers: request.headers.map(({ name, value }) => ({ name, value })),
    body: request.body === null ? null : Buffer.from(request.body).toString('utf8'),
  };
}

class Collector extends Writable {
  text = '';
  override _write(chunk: Buffer, _encoding: string, done: () => void): void {
    this.text += chunk.toString('utf8');
    done();
  }
}

/** An editor SecretStorage that holds nothing (the secret comes from .env, as for the CLI). */
const emptyStorage: SecretSource = { description: 'SecretStorage', getSecret: () => Promise.resolve(undefined) };

const schemes = [
  { name: 'tencent-keypair', keyId: 'AKIDsameSign0000000000000000000000001', sign: 'tencent-keypair' },
  { name: 'aws-sigv4', keyId: 'AKIASAMESIGN0000001', sign: 'aws-sigv4 region=us-east-1 service=execute-api' },
];

describe('prepareAndSign: Send, Preview Signature, Copy as cURL and gwhttp sign sign alike', () => {
  for (const scheme of schemes) {
    it(`${scheme.name}: the same method, URL, headers and body on all four paths`, async () => {
      const server = await startLoopback((_request, response) => response.end('{}'));
      const folder = tempDir();
      try {
        fs.mkdirSync(path.join(folder, '.git'));
        const file = path.join(folder, 'orders.gwhttp');
        const text = `# @sign ${scheme.sign} id=${scheme.keyId}\nPOST http://{{host}}/release/orders?b=2&a=1\nContent-Type: application/json\nX-Trace: {{trace}}\n\n{"item": "{{item}}"}\n`;
        fs.writeFileSync(file, text);
        fs.writeFileSync(
          path.join(folder, 'gwhttp.env.json'),
          JSON.stringify({ local: { host: `127.0.0.1:${server.port}`, trace: 't-1', item: 'book' } }),
        );
        const envName = secretEnvVarName(scheme.keyId);
        fs.writeFileSync(path.join(folder, '.env'), `${envName}=${secret}\n`);
        const document = parseDocument(text);
        const request = document.requests[0];
        const cliVariables = buildVariableContext({
          requestFile: file,
          environmentName: undefined,
          vars: [],
          processEnv: {},
          clock,
          fileReader: nodeFileReader,
          cwd: folder,
        });

        // Send: what runRequests puts on the wire (and the server receives).
        const client = createHttpClient();
        let sent: OutgoingRequest | null = null;
        try {
          const run = runRequests(document, [0], {
            file: 'orders.gwhttp',
            variables: cliVariables,
            secretSources: secretSourcesFor(cliVariables),
            redactor: new Redactor([]),
            clock,
            client,
            env: {},
            timeoutMs: 10_000,
            insecure: false,
            followRedirects: true,
            nonce: () => nonce,
            onSending: (_request, outgoing) => (sent = outgoing),
          });
          for await (const result of run) assert.equal(result.error, null, result.error?.message);
        } finally {
          await client.close();
        }
        assert.ok(sent, 'nothing was sent');
        const viaSend = shape(sent);

        // Preview Signature and Copy as cURL: the editor's sign context (SecretStorage first, the
        // selected environment as a preference) through the same core entry.
        const editorVariables = { ...cliVariables, environmentName: 'local', environmentIsPreference: true };
        const editor = {
          file: 'orders.gwhttp',
          variables: editorVariables,
          secretSources: secretSourcesFor(editorVariables, emptyStorage),
          clock,
          nonce: () => nonce,
        };
        const preview = await prepareAndSign(document, request, new Map(), {
          ...editor,
          placeholderSecret: previewPlaceholderSecret,
        });
        assert.equal(preview.usedPlaceholder, false);
        const curl = await prepareAndSign(document, request, new Map(), editor);

        // gwhttp sign --json with the same date and nonce.
        const stdout = new Collector();
        const stderr = new Collector();
        const later: Clock = { now: () => new Date(Date.parse(date) + 3_600_000) };
        const io = { stdout, stderr, env: {}, cwd: folder, clock: later };
        assert.equal(await runSign(['orders.gwhttp', '--json', '--date', date, '--nonce', nonce], io), 0, stderr.text);
        const viaSign = JSON.parse(stdout.text) as Shape & { signing: unknown };
        delete (viaSign as { signing?: unknown }).signing;

        assert.ok(viaSend.headers.some((header) => header.name.toLowerCase() === 'authorization'));
        assert.deepEqual(shape(preview.request), viaSend);
        assert.deepEqual(shape(curl.request), viaSend);
        assert.deepEqual(viaSign, viaSend);
        const command = toCurl(curl.request, { redactor: new Redactor(curl.secrets), signedAt: curl.signedAt }).command;
        for (const header of viaSend.headers) assert.ok(command.includes(header.value), `${header.name} not in cURL`);
        const received = server.received[0];
        for (const header of viaSend.headers) {
          const at = received.rawHeaders.findIndex((name, i) => i % 2 === 0 && name === header.name);
          assert.equal(received.rawHeaders[at + 1], header.value, `${header.name} as received`);
        }
        assert.ok(!stdout.text.includes(secret) && !command.includes(secret));
      } finally {
        await server.close();
        fs.rmSync(folder, { recursive: true, force: true });
      }
    });
  }

  it('an unsigned request that carries a .env or environment secret: the secrets to mask include it (cURL masks it)', async () => {
    const folder = tempDir();
    try {
      fs.mkdirSync(path.join(folder, '.git'));
      const file = path.join(folder, 'plain.gwhttp');
      const text =
        'GET http://127.0.0.1:9/x\nX-Token: {{$dotenv GWHTTP_SECRET_TOKEN}}\nX-Env: {{$processEnv GWHTTP_SECRET_API}}\n';
      fs.writeFileSync(file, text);
      fs.writeFileSync(path.join(folder, '.env'), 'GWHTTP_SECRET_TOKEN=dotenv-secret-unsigned-1\n');
      const processEnv = { GWHTTP_SECRET_API: 'env-secret-unsigned-2' };
      const variables = buildVariableContext({
        requestFile: file,
        environmentName: undefined,
        vars: [],
        processEnv,
        clock,
        fileReader: nodeFileReader,
        cwd: folder,
      });
      const document = parseDocument(text);
      const signed = await prepareAndSign(document, document.requests[0], new Map(), {
        file: 'plain.gwhttp',
        variables,
        secretSources: secretSourcesFor(variables, emptyStorage),
        clock,
      });
      assert.equal(signed.signing, null);
      const curl = toCurl(signed.request, { redactor: new Redactor(signed.secrets), signedAt: null }).command;
      assert.ok(curl.includes('X-Token'), curl);
      for (const value of ['dotenv-secret-unsigned-1', 'env-secret-unsigned-2']) {
        assert.ok(signed.secrets.includes(value), value);
        assert.ok(!curl.includes(value), curl);
      }
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });
});
