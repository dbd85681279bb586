import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

import { buildVariableContext } from '../../../src/cli/shared/buildVariableContext';
import { nodeFileReader } from '../../../src/cli/shared/nodeFileReader';
import { createHttpClient } from '../../../src/core/http/httpClient';
import { parseDocument } from '../../../src/core/parser/parseDocument';
import { systemClock } from '../../../src/core/ports';
import { buildResponseViewModel } from '../../../src/core/presentation/buildResponseViewModel';
import { Redactor } from '../../../src/core/redaction';
import { fileResponseStore } from '../../../src/core/run/responseFileStore';
import { runRequests } from '../../../src/core/run/runRequests';
import type { RunContext, RunResult } from '../../../src/core/run/runTypes';
import { savedBodyNote } from '../../../src/core/run/saveResponseStep';
import { defaultUiState, renderResponse } from '../../../src/webview/renderResponse';
import { exchangeFixture } from '../extension-model/exchangeFixture';
import { type Loopback, startLoopback, tempDir } from '../http/loopback';
import { cliSend } from './cliCapture';

/** Bytes a text round trip would damage. */
const binary = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff]);

describe('saving responses: >> path, >>! path, # @save path', () => {
  let dir: string;
  let server: Loopback;
  let count = 0;
  beforeEach(async () => {
    dir = tempDir();
    count = 0;
    server = await startLoopback((request, response) => {
      count++;
      if (request.url === '/image') {
        response.setHeader('Content-Type', 'image/png');
        response.end(binary);
        return;
      }
      response.setHeader('Content-Type', 'application/json');
      response.end(JSON.stringify({ call: count }));
    });
  });
  afterEach(async () => {
    await server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const write = (name: string, lines: string[]) => {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), lines.join('\n'));
  };
  const read = (name: string) => fs.readFileSync(path.join(dir, name), 'utf8');

  it('writes the body relative to the request file, folders created, variables in the path; >> picks a new name, >>! overwrites', async () => {
    write('api/save.http', [
      '@out = out/{{kind}}',
      `GET ${server.url}/a`,
      '',
      '>> {{out}}/a.json',
      '',
      '###',
      `GET ${server.url}/b`,
      '>>! ./{{out}}/b.json',
      '',
    ]);
    const first = await cliSend(dir, ['api/save.http', '--all', '--var', 'kind=orders']);
    assert.equal(first.code, 0, first.stdout + first.stderr);
    assert.equal(read('api/out/orders/a.json'), '{"call":1}');
    assert.equal(read('api/out/orders/b.json'), '{"call":2}');
    assert.match(first.stdout, /^response body saved to api[/\\]out[/\\]orders[/\\]a\.json$/m);
    const second = await cliSend(dir, ['api/save.http', '--all', '--var', 'kind=orders', '--json']);
    assert.equal(second.code, 0, second.stderr);
    assert.equal(read('api/out/orders/a.json'), '{"call":1}', '>> keeps the file it would replace');
    assert.equal(read('api/out/orders/a-1.json'), '{"call":3}');
    assert.equal(read('api/out/orders/b.json'), '{"call":4}', '>>! replaces it');
    const json = JSON.parse(second.stdout) as { results: { savedTo?: string }[] };
    assert.deepEqual(
      json.results.map((result) => result.savedTo),
      [path.join(dir, 'api/out/orders/a-1.json'), path.join(dir, 'api/out/orders/b.json')],
    );
  });

  it('# @save path (httpYac) writes the body byte for byte and replaces the file; a bad path is a warning', async () => {
    fs.writeFileSync(path.join(dir, 'blocked'), 'a file, not a folder');
    write('save.http', [
      '# @save ./images/logo.png',
      `GET ${server.url}/image`,
      '',
      '###',
      '# @save blocked/x.json',
      `GET ${server.url}/json`,
      '',
    ]);
    for (let round = 0; round < 2; round++) {
      const run = await cliSend(dir, ['save.http', '--all']);
      assert.equal(run.code, 0, run.stdout + run.stderr);
      assert.match(run.stdout, /warning: line 5: the response body could not be saved to .*blocked.x\.json \(E\w+\)/);
    }
    assert.deepEqual(fs.readFileSync(path.join(dir, 'images', 'logo.png')), binary);
    assert.deepEqual(fs.readdirSync(path.join(dir, 'images')), ['logo.png']);
  });

  it('the panel says where the body went (a run as the editor makes it)', async () => {
    write('panel.http', [`GET ${server.url}/a`, '>> ./saved/a.json', '']);
    const file = path.join(dir, 'panel.http');
    const document = parseDocument(fs.readFileSync(file, 'utf8'));
    const client = createHttpClient();
    const variables = buildVariableContext({
      requestFile: file,
      environmentName: undefined,
      vars: [],
      processEnv: {},
      clock: systemClock,
      fileReader: nodeFileReader,
      cwd: dir,
    });
    const context: RunContext = {
      file: 'panel.http',
      variables,
      secretSources: [],
      redactor: new Redactor([]),
      clock: systemClock,
      client,
      env: {},
      timeoutMs: 5000,
      insecure: false,
      followRedirects: true,
      responseFiles: fileResponseStore,
    };
    const results: RunResult[] = [];
    try {
      for await (const result of runRequests(document, [0], context)) results.push(result);
    } finally {
      await client.close();
    }
    const [result] = results;
    assert.equal(result.error, null);
    assert.equal(result.savedTo, path.join(dir, 'saved', 'a.json'));
    assert.equal(fs.readFileSync(result.savedTo, 'utf8'), '{"call":1}');
    const model = buildResponseViewModel(exchangeFixture({ notes: [savedBodyNote('saved/a.json')] }));
    assert.deepEqual(model.notes, ['response body saved to saved/a.json']);
    assert.match(JSON.stringify(renderResponse(model, defaultUiState)), /response body saved to saved\/a\.json/);
  });
});

describe('parsing >> lines and # @save', () => {
  it('keeps the first >> line of a request, warns about a second one and about @save without a path', () => {
    const document = parseDocument(
      [
        'GET http://127.0.0.1:1/a',
        '',
        '>>! out/a.json',
        '>> out/b.json',
        '',
        '###',
        '# @save',
        'GET http://127.0.0.1:1/b',
        '',
      ].join('\n'),
    );
    assert.deepEqual(document.requests[0].saveResponse, { path: 'out/a.json', overwrite: true, line: 3 });
    assert.equal(document.requests[0].body, null, 'a >> line is not body');
    assert.equal(document.requests[1].saveResponse, undefined);
    assert.deepEqual(
      document.diagnostics.map((diagnostic) => [diagnostic.line, diagnostic.code]),
      [
        [4, 'save-repeated'],
        [7, 'save-without-path'],
      ],
    );
  });
});
