import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

import { nodeFileReader } from '../../../src/cli/shared/nodeFileReader';
import { createHttpClient } from '../../../src/core/http/httpClient';
import { parseDocument } from '../../../src/core/parser/parseDocument';
import { type FileReader, type SecretSource, systemClock } from '../../../src/core/ports';
import { runRedactor } from '../../../src/core/redaction';
import { runRequests } from '../../../src/core/run/runRequests';
import type { RunContext, RunResult } from '../../../src/core/run/runTypes';
import { environmentSecretSource } from '../../../src/core/secrets/environmentSecretSource';
import { runSecretSources, secretSourcesFor } from '../../../src/core/secrets/secretSourcesFor';
import { type Loopback, startLoopback, tempDir } from '../http/loopback';

/** The real node file reader, counting the reads of each file. */
function countingReader(): FileReader & { reads: Map<string, number> } {
  const reads = new Map<string, number>();
  return {
    reads,
    exists: (file) => nodeFileReader.exists(file),
    readFile: (file) => {
      reads.set(file, (reads.get(file) ?? 0) + 1);
      return nodeFileReader.readFile(file);
    },
  };
}

/** The same real source, counting its lookups by key id. */
function countingSource(source: SecretSource): SecretSource & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    description: source.description,
    getSecret: (keyId) => {
      asked.push(keyId);
      return source.getSecret(keyId);
    },
  };
}

/** The `Authorization` header each request was received with. */
const authorizations = (server: Loopback) =>
  server.received.map((entry) => {
    const at = entry.rawHeaders.findIndex((name) => name.toLowerCase() === 'authorization');
    return at === -1 ? null : entry.rawHeaders[at + 1];
  });

describe('secrets: read once per run', () => {
  let server: Loopback;
  let dir: string;

  beforeEach(async () => {
    server = await startLoopback((_request, response) => response.end('ok'));
    dir = tempDir();
  });

  afterEach(async () => {
    await server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** One run (one runRequests, as one CLI file or one editor Send) of every request in `text`. */
  async function run(
    text: string,
    secretSources: SecretSource[],
    fileReader: FileReader,
    env: Record<string, string> = {},
    parallel = 1,
  ): Promise<RunResult[]> {
    const file = path.join(dir, 'requests.gwhttp');
    fs.writeFileSync(file, text);
    const document = parseDocument(text);
    const client = createHttpClient();
    const context: RunContext = {
      file: 'requests.gwhttp',
      variables: {
        requestFile: file,
        searchRoot: dir,
        environmentName: null,
        overrides: {},
        settingsEnvironments: {},
        processEnv: env,
        clock: systemClock,
        fileReader,
        mayReadWorkspaceFiles: true,
      },
      secretSources,
      clock: systemClock,
      client,
      env: {},
      timeoutMs: 10_000,
      insecure: false,
      followRedirects: true,
      parallel,
      redactor: runRedactor(env),
    };
    const results: RunResult[] = [];
    try {
      for await (const result of runRequests(
        document,
        document.requests.map((r) => r.index),
        context,
      )) {
        results.push(result);
      }
    } finally {
      await client.close();
    }
    return results;
  }

  const signedRequests = (count: number, sign: string) =>
    Array.from({ length: count }, (_, i) => `###\n# @sign ${sign}\nGET ${server.url}/r/${i}\nX-N: ${i}\n`).join('\n');

  it('asks a source once per key id in a run, also with --parallel, and again in the next run', async () => {
    const source = countingSource(environmentSecretSource({ GWHTTP_SECRET_AKIDone: 'secret-one' }));
    const text = signedRequests(6, 'tencent-keypair id=AKIDone');
    const results = await run(text, [source], nodeFileReader, {}, 3);
    assert.deepEqual(
      results.map((result) => result.error),
      Array.from({ length: 6 }, () => null),
    );
    assert.deepEqual(source.asked, ['AKIDone']);
    await run(text, [source], nodeFileReader);
    assert.deepEqual(source.asked, ['AKIDone', 'AKIDone'], 'the next run asks again');
  });

  it("reads the request file's .env once per run for every key id it holds", async () => {
    fs.writeFileSync(path.join(dir, '.env'), 'GWHTTP_SECRET_AKIDone=from-dotenv\nGWHTTP_SECRET_AKIDtwo=two\n');
    const reader = countingReader();
    const sources = secretSourcesFor({
      processEnv: {},
      fileReader: reader,
      requestFile: path.join(dir, 'requests.gwhttp'),
      searchRoot: dir,
      mayReadWorkspaceFiles: true,
    });
    const text = `${signedRequests(3, 'tencent-keypair id=AKIDone')}\n${signedRequests(3, 'tencent-keypair id=AKIDtwo')}`;
    const results = await run(text, sources, reader);
    assert.ok(results.every((result) => result.error === null && result.response?.status === 200));
    // The variables read the .env once for {{$dotenv}} (preloadVariables), the secret source once.
    assert.equal(reader.reads.get(path.join(dir, '.env')), 2);
  });

  it('reads the AWS shared credentials file once per run, and a changed file in the next run', async () => {
    const credentials = path.join(dir, 'credentials');
    const profile = (keyId: string) =>
      `[default]\naws_access_key_id = ${keyId}\naws_secret_access_key = secret-of-${keyId}\n`;
    fs.writeFileSync(credentials, profile('AKIAFIRST00000000000'));
    const env = { AWS_SHARED_CREDENTIALS_FILE: credentials };
    const text = signedRequests(4, 'aws-sigv4 region=us-east-1 service=execute-api');
    const runOnce = async () => {
      const reader = countingReader();
      const sources = secretSourcesFor({
        processEnv: env,
        fileReader: reader,
        requestFile: path.join(dir, 'requests.gwhttp'),
        searchRoot: dir,
        mayReadWorkspaceFiles: true,
      });
      const results = await run(text, sources, reader, env, 2);
      assert.ok(results.every((result) => result.error === null));
      return reader.reads.get(credentials);
    };
    assert.equal(await runOnce(), 1);
    fs.writeFileSync(credentials, profile('AKIASECOND0000000000'));
    assert.equal(await runOnce(), 1);
    const keys = authorizations(server).map((value) => /Credential=(\w+)\//.exec(value ?? '')?.[1]);
    assert.deepEqual(keys, [...Array(4).fill('AKIAFIRST00000000000'), ...Array(4).fill('AKIASECOND0000000000')]);
  });

  it('one CLI run over several files reads the AWS shared credentials file once', async () => {
    const credentials = path.join(dir, 'credentials');
    fs.writeFileSync(credentials, '[default]\naws_access_key_id = AKIAONE0000000000000\naws_secret_access_key = s1\n');
    const env = { AWS_SHARED_CREDENTIALS_FILE: credentials };
    const reader = countingReader();
    const sourcesOf = runSecretSources();
    for (const name of ['a', 'b', 'c']) {
      const sources = sourcesOf({
        processEnv: env,
        fileReader: reader,
        requestFile: path.join(dir, `${name}.gwhttp`),
        searchRoot: dir,
        mayReadWorkspaceFiles: true,
      });
      const results = await run(signedRequests(2, 'aws-sigv4 region=us-east-1 service=s3'), sources, reader, env);
      assert.ok(results.every((result) => result.error === null));
    }
    assert.equal(reader.reads.get(credentials), 1);
    assert.equal(server.received.length, 6);
  });

  it('a secret stored between two Sends (the editor) is used by the second', async () => {
    const stored = new Map<string, string>();
    const storage: SecretSource = {
      description: 'VS Code SecretStorage',
      getSecret: (keyId) => Promise.resolve(stored.get(keyId)),
    };
    const text = signedRequests(1, 'tencent-keypair id=AKIDlater');
    // The editor builds the sources for each Send (editorSignContext); SecretStorage is the same object.
    const send = () =>
      run(
        text,
        secretSourcesFor(
          {
            processEnv: {},
            fileReader: nodeFileReader,
            requestFile: path.join(dir, 'requests.gwhttp'),
            searchRoot: dir,
            mayReadWorkspaceFiles: true,
          },
          storage,
        ),
        nodeFileReader,
      );
    const [first] = await send();
    assert.equal(first.error?.code, 'missingSecret');
    stored.set('AKIDlater', 'stored-in-between');
    const [second] = await send();
    assert.equal(second.error, null);
    assert.equal(second.response?.status, 200);
    assert.equal(server.received.length, 1, 'only the second Send went out');
  });
});
